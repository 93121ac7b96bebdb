package io.baton.flink.lineage;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.SchemaDatasetFacetFields;
import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

/**
 * An Avro record schema as OpenLineage schema facet fields: each field's name, its type's Avro name (the logical type's
 * name where there is one, the other branch of a {@code ["null", T]} union) and its doc; a nested record's fields nest.
 *
 * <pre>{@code
 * List<SchemaDatasetFacetFields> fields = AvroFields.of(ol, Reading.getClassSchema());  // sensorId string, celsius double, ...
 * }</pre>
 */
final class AvroFields {
  private AvroFields() {}

  static List<SchemaDatasetFacetFields> of(OpenLineage ol, Schema record) {
    return record.getFields().stream().map(f -> field(ol, f.name(), f.schema(), f.doc())).toList();
  }

  private static SchemaDatasetFacetFields field(OpenLineage ol, String name, Schema schema, String doc) {
    Schema type = nonNull(schema);
    Schema nested = type.getType() == Schema.Type.ARRAY ? nonNull(type.getElementType()) : type;
    List<SchemaDatasetFacetFields> fields = nested.getType() == Schema.Type.RECORD ? of(ol, nested) : null;
    return ol.newSchemaDatasetFacetFieldsBuilder().name(name).type(typeName(type)).description(doc).fields(fields).build();
  }

  /** {@code ["null", T]} is T (nullable); any other union stays a union. */
  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    List<Schema> branches = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
    return branches.size() == 1 ? branches.get(0) : schema;
  }

  private static String typeName(Schema type) {
    LogicalType logical = type.getLogicalType();
    return logical != null ? logical.getName() : type.getType().getName();
  }
}
