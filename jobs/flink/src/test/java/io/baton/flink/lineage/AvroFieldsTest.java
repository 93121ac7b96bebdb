package io.baton.flink.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.SchemaDatasetFacetFields;
import java.net.URI;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class AvroFieldsTest {
  private static final Schema ORDER = new Schema.Parser().parse("""
      {"type": "record", "name": "Order", "fields": [
        {"name": "id", "type": "string", "doc": "order id"},
        {"name": "note", "type": ["null", "string"], "default": null},
        {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
        {"name": "idOrCode", "type": ["string", "int"]},
        {"name": "customer", "type": {"type": "record", "name": "Customer", "fields": [{"name": "name", "type": "string"}]}},
        {"name": "lines", "type": {"type": "array", "items": {"type": "record", "name": "Line",
          "fields": [{"name": "sku", "type": "string"}, {"name": "qty", "type": "int"}]}}}
      ]}""");

  private final List<SchemaDatasetFacetFields> fields = AvroFields.of(new OpenLineage(URI.create("urn:test")), ORDER);

  @Test
  void nullableUnionIsItsOtherBranchAndLogicalTypesGoByTheirName() {
    assertThat(fields).extracting(SchemaDatasetFacetFields::getName, SchemaDatasetFacetFields::getType).containsExactly(
        tuple("id", "string"), tuple("note", "string"), tuple("at", "timestamp-millis"), tuple("idOrCode", "union"),
        tuple("customer", "record"), tuple("lines", "array"));
    assertThat(fields.get(0).getDescription()).isEqualTo("order id");
  }

  @Test
  void nestedRecordsAndArraysOfRecordsListTheirFields() {
    assertThat(fields.get(4).getFields()).extracting(SchemaDatasetFacetFields::getName).containsExactly("name");
    assertThat(fields.get(5).getFields()).extracting(SchemaDatasetFacetFields::getName, SchemaDatasetFacetFields::getType)
        .containsExactly(tuple("sku", "string"), tuple("qty", "int"));
    assertThat(fields.get(0).getFields()).isNull();
  }
}
