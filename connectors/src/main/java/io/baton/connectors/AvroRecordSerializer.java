package io.baton.connectors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.api.java.typeutils.runtime.DataInputViewStream;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.api.java.typeutils.runtime.DataOutputViewStream;

/**
 * Flink serializer for Avro records (SpecificRecord classes or GenericRecords of one schema), as plain
 * Avro binary without a registry. A serializer restored from a savepoint reads records written with the
 * old schema into the current one (Avro schema resolution). Not thread-safe: Flink duplicates it.
 *
 * <pre>{@code
 * TypeSerializer<Reading> s = AvroTypes.specific(Reading.class).createSerializer(config);
 * }</pre>
 *
 * @param <T> the record type
 */
public final class AvroRecordSerializer<T> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private final String schemaJson;
  private final String writerJson;

  private transient Schema schema;
  private transient GenericData data;
  private transient DatumWriter<T> writer;
  private transient DatumReader<T> reader;
  private transient BinaryEncoder encoder;
  private transient BinaryDecoder decoder;

  /** Reads data written with {@code writerJson} into {@code schemaJson}; writes {@code schemaJson}. */
  AvroRecordSerializer(Class<T> type, String schemaJson, String writerJson) {
    this.type = type;
    this.schemaJson = schemaJson;
    this.writerJson = writerJson;
  }

  /** The schema records are written with. */
  Schema schema() {
    init();
    return schema;
  }

  @SuppressWarnings("unchecked")
  private void init() {
    if (schema != null) {
      return;
    }
    schema = new Schema.Parser().parse(schemaJson);
    Schema writerSchema = writerJson.equals(schemaJson) ? schema : new Schema.Parser().parse(writerJson);
    if (type != null && org.apache.avro.specific.SpecificRecord.class.isAssignableFrom(type)) {
      SpecificData specific = SpecificData.getForClass(type);
      data = specific;
      writer = new SpecificDatumWriter<>(schema, specific);
      reader = new SpecificDatumReader<>(writerSchema, schema, specific);
    } else {
      data = GenericData.get();
      writer = (DatumWriter<T>) new GenericDatumWriter<>(schema, data);
      reader = (DatumReader<T>) new GenericDatumReader<>(writerSchema, schema, data);
    }
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public AvroRecordSerializer<T> duplicate() {
    return new AvroRecordSerializer<>(type, schemaJson, writerJson);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T createInstance() {
    init();
    return (T) data.newRecord(null, schema);
  }

  @Override
  public T copy(T from) {
    init();
    return data.deepCopy(schema, from);
  }

  @Override
  public T copy(T from, T reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(T record, DataOutputView out) throws IOException {
    init();
    encoder = EncoderFactory.get().directBinaryEncoder(new DataOutputViewStream(out), encoder);
    writer.write(conform(record), encoder);
    encoder.flush();
  }

  /** A generic record of an older schema (state migration) rebuilt in this schema, defaults filled in. */
  @SuppressWarnings("unchecked")
  private T conform(T record) {
    if (!(record instanceof GenericData.Record generic) || generic.getSchema() == schema || generic.getSchema().equals(schema)) {
      return record;
    }
    GenericRecordBuilder builder = new GenericRecordBuilder(schema);
    for (Schema.Field field : schema.getFields()) {
      if (generic.getSchema().getField(field.name()) != null) {
        builder.set(field, generic.get(field.name()));
      }
    }
    return (T) builder.build();
  }

  @Override
  public T deserialize(DataInputView in) throws IOException {
    init();
    decoder = DecoderFactory.get().directBinaryDecoder(new DataInputViewStream(in), decoder);
    return reader.read(null, decoder);
  }

  @Override
  public T deserialize(T reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AvroRecordSerializer<?> other && Objects.equals(type, other.type)
        && schemaJson.equals(other.schemaJson) && writerJson.equals(other.writerJson);
  }

  @Override
  public int hashCode() {
    return schemaJson.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new Snapshot<>(type, schemaJson);
  }

  /** Remembers the record class and the schema state was written with. */
  public static final class Snapshot<T> implements TypeSerializerSnapshot<T> {
    private Class<T> type;
    private String schemaJson;

    /** Used by Flink when reading a savepoint. */
    public Snapshot() {}

    Snapshot(Class<T> type, String schemaJson) {
      this.type = type;
      this.schemaJson = schemaJson;
    }

    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      RecordIO.writeNullableString(type == null ? null : type.getName(), out);
      RecordIO.writeBytes(schemaJson.getBytes(StandardCharsets.UTF_8), out);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readSnapshot(int version, DataInputView in, ClassLoader classLoader) throws IOException {
      String className = RecordIO.readNullableString(in);
      schemaJson = new String(RecordIO.readBytes(in), StandardCharsets.UTF_8);
      try {
        type = className == null ? null : (Class<T>) Class.forName(className, false, classLoader);
      } catch (ClassNotFoundException e) {
        throw new IOException("cannot restore Avro state: class " + className + " is not on the classpath", e);
      }
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
      return new AvroRecordSerializer<>(type, currentSchema(), schemaJson);
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> old) {
      if (!(old instanceof Snapshot<T> previous) || !Objects.equals(type, previous.type)) {
        return TypeSerializerSchemaCompatibility.incompatible();
      }
      if (previous.schemaJson.equals(schemaJson)) {
        return TypeSerializerSchemaCompatibility.compatibleAsIs();
      }
      Schema writer = new Schema.Parser().parse(previous.schemaJson);
      Schema reader = new Schema.Parser().parse(schemaJson);
      return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
          == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE
          ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
          : TypeSerializerSchemaCompatibility.incompatible();
    }

    /** The schema of the class as it is now (generic records keep the stored schema). */
    private String currentSchema() {
      return type == null || !org.apache.avro.specific.SpecificRecord.class.isAssignableFrom(type)
          ? schemaJson : SpecificData.getForClass(type).getSchema(type).toString();
    }
  }
}
