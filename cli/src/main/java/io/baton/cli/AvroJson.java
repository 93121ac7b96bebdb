package io.baton.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;

/**
 * Plain JSON for a decoded Avro value, as a person reads it: records become objects in field order,
 * unions show just their value (no Avro-JSON type wrapper), bytes and fixed become base64 text,
 * and NaN or infinite numbers become text.
 *
 * <pre>{@code
 * AvroJson.of(reading).toString();   // {"sensorId":"s-1","celsius":500.0,"timestamp":1767225600000}
 * }</pre>
 */
final class AvroJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AvroJson() {}

  /** The JSON form of an Avro datum (a record, or any value inside one). */
  static JsonNode of(Object datum) {
    if (datum == null) {
      return NODES.nullNode();
    }
    if (datum instanceof IndexedRecord record) {
      ObjectNode object = NODES.objectNode();
      for (Schema.Field field : record.getSchema().getFields()) {
        object.set(field.name(), of(record.get(field.pos())));
      }
      return object;
    }
    if (datum instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      map.forEach((k, v) -> object.set(String.valueOf(k), of(v)));
      return object;
    }
    if (datum instanceof Collection<?> items) {
      ArrayNode array = NODES.arrayNode();
      items.forEach(item -> array.add(of(item)));
      return array;
    }
    return scalar(datum);
  }

  private static JsonNode scalar(Object datum) {
    if (datum instanceof CharSequence || datum instanceof GenericEnumSymbol<?>) {
      return NODES.textNode(datum.toString());
    }
    if (datum instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (datum instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (datum instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (datum instanceof Float f) {
      return Float.isFinite(f) ? NODES.numberNode(f) : NODES.textNode(f.toString());
    }
    if (datum instanceof Double d) {
      return Double.isFinite(d) ? NODES.numberNode(d) : NODES.textNode(d.toString());
    }
    if (datum instanceof ByteBuffer buffer) {
      ByteBuffer copy = buffer.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
    }
    if (datum instanceof GenericFixed fixed) {
      return NODES.textNode(Base64.getEncoder().encodeToString(fixed.bytes()));
    }
    return NODES.textNode(datum.toString()); // logical-type values and anything else: their text
  }
}
