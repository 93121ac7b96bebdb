package io.baton.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes flat Flink options ({@code rest.port: 8081}) as the nested {@code config.yaml} Flink 2 reads.
 *
 * <pre>{@code
 * FlinkYaml.render(Map.of("rest.port", "8081"));   // "rest:\n  port: 8081\n"
 * }</pre>
 */
final class FlinkYaml {
  private static final Pattern PLAIN = Pattern.compile("-?[0-9]+|true|false");

  private FlinkYaml() {}

  static String render(Map<String, String> options) {
    Map<String, Object> tree = new LinkedHashMap<>();
    options.forEach((key, value) -> put(tree, key, value));
    StringBuilder sb = new StringBuilder();
    write(sb, tree, 0);
    return sb.toString();
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> tree, String key, String value) {
    String[] parts = key.split("\\.");
    Map<String, Object> node = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      Object child = node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
      if (!(child instanceof Map)) {
        throw new IllegalArgumentException("option " + key + " nests under " + join(parts, i) + ", which already has a value");
      }
      node = (Map<String, Object>) child;
    }
    Object old = node.putIfAbsent(parts[parts.length - 1], value);
    if (old != null) {
      throw new IllegalArgumentException("option " + key + " clashes with other options under the same name");
    }
  }

  @SuppressWarnings("unchecked")
  private static void write(StringBuilder sb, Map<String, Object> node, int depth) {
    node.forEach((name, child) -> {
      sb.append("  ".repeat(depth)).append(name).append(':');
      if (child instanceof Map) {
        sb.append('\n');
        write(sb, (Map<String, Object>) child, depth + 1);
      } else {
        sb.append(' ').append(scalar((String) child)).append('\n');
      }
    });
  }

  /** Numbers and booleans stay plain; everything else is single-quoted so YAML never reinterprets it. */
  static String scalar(String value) {
    return PLAIN.matcher(value).matches() ? value : "'" + value.replace("'", "''") + "'";
  }

  private static String join(String[] parts, int last) {
    StringBuilder sb = new StringBuilder(parts[0]);
    for (int i = 1; i <= last; i++) {
      sb.append('.').append(parts[i]);
    }
    return sb.toString();
  }
}
