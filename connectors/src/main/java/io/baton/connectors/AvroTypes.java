package io.baton.connectors;

import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Flink type information for decoded Avro records, serialized with plain (unshaded) Avro binary.
 *
 * <p>Use it for every stream of Avro records: {@code TypeInformation.of(Reading.class)} would pick the
 * {@code AvroTypeInfo} bundled inside flink-sql-avro-confluent-registry, which is compiled against a
 * relocated Avro and falls back to slow reflection (and fails on null fields) for our generated classes.
 *
 * <pre>{@code
 * DataStream<Reading> readings = raw.flatMap(new Accept(...)).returns(AvroTypes.specific(Reading.class));
 * DataStream<GenericRecord> projected = raw.map(...).returns(AvroTypes.generic(readerSchema));
 * }</pre>
 */
public final class AvroTypes {
  private AvroTypes() {}

  /** Type information for a generated SpecificRecord class. */
  public static <T extends SpecificRecord> TypeInformation<T> specific(Class<T> type) {
    Objects.requireNonNull(type, "type must not be null");
    Schema schema = SpecificData.getForClass(type).getSchema(type);
    return new AvroRecordTypeInfo<>(type, new AvroRecordSerializer<>(type, schema.toString(), schema.toString()));
  }

  /** Type information for GenericRecords of {@code schema}. */
  public static TypeInformation<GenericRecord> generic(Schema schema) {
    Objects.requireNonNull(schema, "schema must not be null");
    return new AvroRecordTypeInfo<>(GenericRecord.class,
        new AvroRecordSerializer<>(null, schema.toString(), schema.toString()));
  }
}
