package io.baton.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes resources (nested maps and lists, in insertion order) as YAML documents, the same bytes every time. */
final class Yaml {
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build());

  private Yaml() {}

  /** Documents separated by {@code ---}, a header comment first. */
  static String documents(String header, List<Map<String, Object>> docs) {
    StringBuilder out = new StringBuilder("# " + header + "\n");
    for (int i = 0; i < docs.size(); i++) {
      out.append(i == 0 ? "" : "---\n").append(write(docs.get(i)));
    }
    return out.toString();
  }

  static String write(Object value) {
    try {
      return YAML.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write YAML", e);
    }
  }

  /** An ordered map from key, value pairs. */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** {@code apiVersion}, {@code kind} and {@code metadata} (name, labels) of a resource. */
  static Map<String, Object> resource(String apiVersion, String kind, String name, Map<String, Object> labels) {
    return map("apiVersion", apiVersion, "kind", kind, "metadata", map("name", name, "labels", labels));
  }
}
