package io.baton.k8s.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class CrdSchemasTest {

  @Test
  void aMissingFolderSaysWhereTheCrdsBelong(@TempDir Path dir) {
    assertThatThrownBy(() -> CrdSchemas.load(dir.resolve("k8s-crds")))
        .hasMessage("CRD folder " + dir.resolve("k8s-crds") + " is missing: the k8s tests validate against"
            + " ../shared/k8s-crds beside the checkout (or -Dbaton.k8s.crds=<folder>)");
  }

  @Test
  void aFolderWithoutCrdsIsRefused(@TempDir Path dir) {
    assertThatThrownBy(() -> CrdSchemas.load(dir)).hasMessage("no CustomResourceDefinition in " + dir);
  }

  @Test
  void closesObjectsWithPropertiesButKeepsPreservedOnesOpen() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode schema = f.objectNode().put("type", "object");
    ObjectNode spec = schema.putObject("properties").putObject("spec").put("type", "object");
    spec.putObject("properties").putObject("a").put("type", "string");
    spec.withObject("properties").putObject("open").put("type", "object").put("x-kubernetes-preserve-unknown-fields", true)
        .putObject("properties").putObject("b").put("type", "string");
    JsonNode strict = CrdSchemas.strict(schema, false);
    assertThat(strict.path("additionalProperties").asBoolean(true)).isFalse();
    assertThat(strict.at("/properties/spec/additionalProperties").asBoolean(true)).isFalse();
    assertThat(strict.at("/properties/spec/properties/open").has("additionalProperties")).isFalse();
    assertThat(strict.at("/required").toString()).isEqualTo("[\"apiVersion\",\"kind\",\"metadata\"]");
    assertThat(CrdSchemas.strict(schema, true).has("required")).isFalse();
  }
}
