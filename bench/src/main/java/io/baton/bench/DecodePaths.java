package io.baton.bench;

import io.baton.flink.internal.accept.AcceptChecks;
import io.baton.schemas.wire.DecodeException;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.wire.WireDecoder;
import io.baton.schemas.sensor.Reading;
import java.io.IOException;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.formats.avro.registry.confluent.ConfluentRegistryAvroDeserializationSchema;

/**
 * The three ways the benchmark turns Confluent-framed Reading bytes into an accept verdict, all against
 * one registry and one reader schema (Reading's):
 * <ul>
 *   <li>{@code batonSpecific}: Baton's stage path, {@code WireDecoder.forSpecific(Reading.class, ..)};</li>
 *   <li>{@code batonGeneric}: {@code WireDecoder.forGeneric(Reading schema, ..)}, like for like with Flink;</li>
 *   <li>{@code flinkGeneric}: Flink's {@code ConfluentRegistryAvroDeserializationSchema.forGeneric}.</li>
 * </ul>
 * Each verdict is null for an accepted record, else its dead-letter reason.
 *
 * <pre>{@code
 * try (DecodePaths paths = DecodePaths.open(RegistryConfig.of(url))) {
 *   String verdict = paths.batonSpecific(value);
 * }
 * }</pre>
 */
final class DecodePaths implements AutoCloseable {
  final WireDecoder<Reading> batonSpecific;
  final WireDecoder<GenericRecord> batonGeneric;
  final ConfluentRegistryAvroDeserializationSchema<org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord> flinkGeneric;
  final AcceptChecks<Reading> specificAccept = AcceptChecks.of(SensorRules.forSpecific());
  final AcceptChecks<GenericRecord> genericAccept = AcceptChecks.of(SensorRules.forGeneric());
  final AcceptChecks<org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord> flinkAccept =
      AcceptChecks.of(SensorRules.forFlinkGeneric());

  private DecodePaths(WireDecoder<Reading> batonSpecific, WireDecoder<GenericRecord> batonGeneric,
      ConfluentRegistryAvroDeserializationSchema<org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord> flinkGeneric) {
    this.batonSpecific = batonSpecific;
    this.batonGeneric = batonGeneric;
    this.flinkGeneric = flinkGeneric;
  }

  /** Builds and opens all three decoders against {@code config}'s registry. */
  static DecodePaths open(RegistryConfig config) throws Exception {
    WireDecoder<Reading> specific = WireDecoder.forSpecific(Reading.class, config);
    WireDecoder<GenericRecord> generic = WireDecoder.forGeneric(Reading.getClassSchema(), config);
    specific.open();
    generic.open();
    return new DecodePaths(specific, generic,
        FlinkDecoder.openGeneric(Reading.getClassSchema().toString(), config.url()));
  }

  String batonSpecific(byte[] value) throws DecodeException {
    return reason(specificAccept.check(batonSpecific.decode(value), value.length));
  }

  String batonGeneric(byte[] value) throws DecodeException {
    return reason(genericAccept.check(batonGeneric.decode(value), value.length));
  }

  String flinkGeneric(byte[] value) throws IOException {
    return reason(flinkAccept.check(flinkGeneric.deserialize(value), value.length));
  }

  private static String reason(AcceptChecks.Rejection rejection) {
    return rejection == null ? null : rejection.reason().code();
  }

  @Override
  public void close() {
    batonSpecific.close();
    batonGeneric.close();
  }

  @Override
  public String toString() {
    return "DecodePaths[" + batonSpecific + ", " + batonGeneric + ", ConfluentRegistryAvroDeserializationSchema.forGeneric]";
  }
}
