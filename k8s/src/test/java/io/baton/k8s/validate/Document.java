package io.baton.k8s.validate;

import tools.jackson.databind.JsonNode;

/**
 * One YAML document of a manifest file: where it comes from and its tree.
 *
 * @param source file name and document index, e.g. {@code base/kafka.yaml#2}
 * @param node the document
 */
public record Document(String source, JsonNode node) {

  public String apiVersion() {
    return node.path("apiVersion").asString("");
  }

  public String kind() {
    return node.path("kind").asString("");
  }

  public String name() {
    return node.path("metadata").path("name").asString("");
  }

  /** {@code kind/name (source)}, how problems name the document. */
  public String label() {
    return kind() + "/" + name() + " (" + source + ")";
  }
}
