package io.baton.schemas.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes records in the Confluent wire format with a fixed, already registered schema id.
 *
 * <p>Serializable (the schema travels as JSON); the Avro writer and buffers are created on first use
 * and reused, so one instance per operator subtask encodes without per-record allocation beyond the
 * result array. Not thread-safe.
 *
 * <pre>{@code
 * int id = registry.register("sensors.alerts-value", Alert.getClassSchema());
 * WireEncoder<Alert> encoder = WireEncoder.forSpecific(Alert.class, id);
 * byte[] value = encoder.encode(alert);
 * }</pre>
 *
 * @param <T> the record type
 */
public final class WireEncoder<T extends IndexedRecord> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int schemaId;
  private final String schemaJson;
  private final ClassRef<T> specificType;

  private transient Schema schema;
  private transient DatumWriter<T> writer;
  private transient ByteArrayOutputStream out;
  private transient BinaryEncoder encoder;

  private WireEncoder(int schemaId, String schemaJson, Class<T> specificType) {
    this.schemaId = schemaId;
    this.schemaJson = schemaJson;
    this.specificType = specificType == null ? null : ClassRef.of(specificType);
  }

  /** An encoder for a generated SpecificRecord class whose schema is registered with id {@code schemaId}. */
  public static <T extends SpecificRecord> WireEncoder<T> forSpecific(Class<T> type, int schemaId) {
    Objects.requireNonNull(type, "type must not be null");
    requireId(schemaId);
    Schema schema = SpecificData.getForClass(type).getSchema(type);
    return new WireEncoder<>(schemaId, schema.toString(), type);
  }

  /** An encoder for GenericRecords of {@code schema}, registered with id {@code schemaId}. */
  public static WireEncoder<GenericRecord> forGeneric(Schema schema, int schemaId) {
    Objects.requireNonNull(schema, "schema must not be null");
    requireId(schemaId);
    return new WireEncoder<>(schemaId, schema.toString(), null);
  }

  /** The schema id written into every header. */
  public int schemaId() {
    return schemaId;
  }

  /** The writer schema. */
  public Schema schema() {
    init();
    return schema;
  }

  /**
   * The record framed as magic byte, schema id and Avro binary.
   *
   * @throws EncodeException when the record does not fit the schema (e.g. a required field is null)
   */
  public byte[] encode(T record) {
    Objects.requireNonNull(record, "record must not be null");
    init();
    try {
      out.reset();
      out.write(WireFormat.header(schemaId));
      encoder = EncoderFactory.get().binaryEncoder(out, encoder);
      writer.write(record, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      encoder = null; // may hold a partial record
      throw new EncodeException("cannot encode a " + record.getSchema().getFullName() + " with schema "
          + schema.getFullName() + " (id " + schemaId + "): " + e.getMessage(), e);
    }
  }

  private void init() {
    if (writer != null) {
      return;
    }
    schema = new Schema.Parser().parse(schemaJson);
    writer = specificType != null
        ? new SpecificDatumWriter<>(schema, SpecificData.getForClass(specificType.get()))
        : new GenericDatumWriter<>(schema, GenericData.get());
    out = new ByteArrayOutputStream(256);
  }

  private static void requireId(int schemaId) {
    if (schemaId < 0) {
      throw new IllegalArgumentException("schemaId must not be negative, got " + schemaId);
    }
  }

  @Override
  public String toString() {
    String type = specificType != null ? specificType.simpleName() + ".class" : schema().getFullName();
    String method = specificType != null ? "forSpecific" : "forGeneric";
    return "WireEncoder." + method + "(" + type + ", " + schemaId + ")";
  }
}
