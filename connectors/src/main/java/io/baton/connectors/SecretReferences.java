package io.baton.connectors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the secret references a client setting may hold, where and when it is used: {@code ${env:NAME}} is the
 * environment variable, {@code ${file:/path}} the file's content without its trailing line break (e.g. a key of a
 * Kubernetes Secret mounted as a file). Errors name the setting and the reference, never a value.
 *
 * <pre>{@code
 * String jaas = SecretReferences.resolve("sasl.jaas.config",
 *     "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"baton\" password=\"${env:KAFKA_PASSWORD}\";",
 *     System::getenv);
 * }</pre>
 */
public final class SecretReferences {
  static final Pattern PATTERN = Pattern.compile("\\$\\{(env|file):([^}]+)}");

  private SecretReferences() {}

  /** {@code value} with every reference replaced; {@code env} looks up environment variables. */
  public static String resolve(String key, String value, UnaryOperator<String> env) {
    Matcher m = PATTERN.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(lookup(key, m.group(1), m.group(2).trim(), env)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Every value of {@code properties} resolved (see {@link #resolve}). */
  public static Map<String, String> resolveAll(Map<String, String> properties, UnaryOperator<String> env) {
    Map<String, String> out = new TreeMap<>();
    properties.forEach((k, v) -> out.put(k, resolve(k, v, env)));
    return out;
  }

  private static String lookup(String key, String kind, String name, UnaryOperator<String> env) {
    if (kind.equals("env")) {
      String value = env.apply(name);
      if (value == null) {
        throw new IllegalArgumentException(key + " refers to ${env:" + name + "}, which is not set");
      }
      return value;
    }
    try {
      String content = Files.readString(Path.of(name), StandardCharsets.UTF_8);
      return content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
          : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    } catch (IOException e) {
      throw new IllegalArgumentException(key + " refers to ${file:" + name + "}, which cannot be read ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }
}
