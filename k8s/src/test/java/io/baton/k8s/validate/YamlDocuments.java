package io.baton.k8s.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads every document of a multi-document YAML text (empty ones skipped). */
public final class YamlDocuments {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private YamlDocuments() {}

  public static List<Document> read(Path file, String sourceName) {
    try {
      return parse(Files.readString(file), sourceName);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public static List<Document> parse(String yaml, String sourceName) {
    List<Document> docs = new ArrayList<>();
    try (JsonParser parser = YAML.createParser(yaml);
        MappingIterator<JsonNode> it = YAML.readValues(parser, JsonNode.class)) {
      int i = 0;
      while (it.hasNextValue()) {
        JsonNode node = it.nextValue();
        i++;
        if (node != null && !node.isNull() && !node.isMissingNode() && !node.isEmpty()) {
          docs.add(new Document(sourceName + "#" + i, node));
        }
      }
    }
    return docs;
  }
}
