package io.baton.k8s.validate;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code openAPIV3Schema} of each CustomResourceDefinition in a folder, made as strict as the API server:
 * an object with {@code properties} and neither {@code additionalProperties} nor
 * {@code x-kubernetes-preserve-unknown-fields} accepts no other field (the server prunes or, with strict field
 * validation, rejects them); {@code nullable} allows null; the root gets {@code apiVersion}, {@code kind} and
 * {@code metadata} (checked as ObjectMeta). A <em>partial</em> schema (for kustomize patches) drops {@code required}.
 *
 * <pre>{@code
 * CrdSchemas crds = CrdSchemas.load(Path.of("../shared/k8s-crds"));
 * crds.problems(document, false);   // [] or "spec.flinkVersion: does not have a value in the enumeration ..."
 * }</pre>
 */
public final class CrdSchemas {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

  private final Map<String, Schema> full = new HashMap<>();
  private final Map<String, Schema> partial = new HashMap<>();

  private CrdSchemas() {}

  /** Every CRD (one per file, {@code *.yml}/{@code *.yaml}) in {@code folder}; a clear error when it is missing. */
  public static CrdSchemas load(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalStateException("CRD folder " + folder.toAbsolutePath().normalize() + " is missing: the k8s"
          + " tests validate against ../shared/k8s-crds beside the checkout (or -Dbaton.k8s.crds=<folder>)");
    }
    CrdSchemas crds = new CrdSchemas();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml$")).sorted().toList()) {
        for (Document doc : YamlDocuments.read(file, file.getFileName().toString())) {
          if (doc.kind().equals("CustomResourceDefinition")) {
            crds.add(doc.node());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (crds.full.isEmpty()) {
      throw new IllegalStateException("no CustomResourceDefinition in " + folder.toAbsolutePath().normalize());
    }
    return crds;
  }

  /** {@code group/version/Kind} of every served version. */
  public List<String> kinds() {
    return full.keySet().stream().sorted().toList();
  }

  public boolean knows(Document doc) {
    return full.containsKey(doc.apiVersion() + "/" + doc.kind());
  }

  /** Problems of a whole resource ({@code partial} false) or of a patch ({@code partial} true). */
  public List<String> problems(Document doc, boolean partial) {
    Schema schema = (partial ? this.partial : full).get(doc.apiVersion() + "/" + doc.kind());
    List<String> problems = new ArrayList<>();
    for (Error e : schema.validate(doc.node())) {
      problems.add(e.getInstanceLocation() + ": " + e.getMessage());
    }
    if (doc.node().has("metadata")) {
      CoreKinds.metadataProblem(doc.node().get("metadata")).ifPresent(problems::add);
    }
    return problems;
  }

  private void add(JsonNode crd) {
    String group = crd.path("spec").path("group").asString();
    String kind = crd.path("spec").path("names").path("kind").asString();
    for (JsonNode version : crd.path("spec").path("versions")) {
      if (!version.path("served").asBoolean(true)) {
        continue;
      }
      JsonNode schema = version.path("schema").path("openAPIV3Schema");
      String key = group + "/" + version.path("name").asString() + "/" + kind;
      full.put(key, REGISTRY.getSchema(strict(schema, false)));
      partial.put(key, REGISTRY.getSchema(strict(schema, true)));
    }
  }

  /** A copy of a CRD's schema as strict as the API server (see the class comment). */
  static ObjectNode strict(JsonNode openApi, boolean partial) {
    ObjectNode root = (ObjectNode) tighten(openApi.deepCopy(), partial);
    ObjectNode props = root.has("properties") ? (ObjectNode) root.get("properties") : root.putObject("properties");
    props.set("apiVersion", F.objectNode().put("type", "string"));
    props.set("kind", F.objectNode().put("type", "string"));
    props.set("metadata", F.objectNode().put("type", "object"));
    root.put("additionalProperties", false);
    if (!partial) {
      ArrayNode required = F.arrayNode().add("apiVersion").add("kind").add("metadata");
      root.set("required", required);
    }
    return root;
  }

  private static JsonNode tighten(JsonNode node, boolean partial) {
    if (node.isArray()) {
      node.forEach(child -> tighten(child, partial));
      return node;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode o = (ObjectNode) node;
    o.remove("description");
    if (partial) {
      o.remove("required");
    }
    if (o.path("nullable").asBoolean(false) && o.has("type") && o.get("type").isString()) {
      o.set("type", F.arrayNode().add(o.get("type").asString()).add("null"));
    }
    o.remove("nullable");
    if (o.path("x-kubernetes-embedded-resource").asBoolean(false) && o.has("properties")) {
      ObjectNode props = (ObjectNode) o.get("properties");
      props.set("apiVersion", F.objectNode().put("type", "string"));
      props.set("kind", F.objectNode().put("type", "string"));
      props.set("metadata", F.objectNode().put("type", "object"));
    }
    boolean preserve = o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    if (o.has("properties") && !preserve && !o.has("additionalProperties")) {
      o.put("additionalProperties", false);
    }
    for (String field : List.of("properties", "patternProperties")) {
      if (o.has(field)) {
        o.get(field).forEach(child -> tighten(child, partial));
      }
    }
    for (String field : List.of("items", "additionalProperties", "not")) {
      if (o.has(field) && (o.get(field).isObject() || o.get(field).isArray())) {
        tighten(o.get(field), partial);
      }
    }
    for (String field : List.of("allOf", "anyOf", "oneOf")) {
      if (o.has(field)) {
        tighten(o.get(field), partial);
      }
    }
    return o;
  }
}
