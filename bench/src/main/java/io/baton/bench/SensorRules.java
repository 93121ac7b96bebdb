package io.baton.bench;

import io.baton.api.accept.Accept;
import io.baton.schemas.sensor.Reading;
import org.apache.avro.generic.GenericRecord;

/**
 * The same accept policy for each record representation the benchmark decodes into: records of at most
 * 16 KiB whose temperature lies in the physical range -90..60 °C.
 *
 * <pre>{@code
 * Accept<Reading> policy = SensorRules.forSpecific();
 * }</pre>
 */
final class SensorRules {
  static final String RULE = "celsius in physical range";
  static final long MAX_RECORD_BYTES = 16_384;
  static final double MIN_CELSIUS = -90;
  static final double MAX_CELSIUS = 60;

  private SensorRules() {}

  /** For Baton's real path: generated {@link Reading} records. */
  static Accept<Reading> forSpecific() {
    return Accept.<Reading>schema()
        .rule(RULE, r -> inRange(r.getCelsius()))
        .maxRecordBytes(MAX_RECORD_BYTES);
  }

  /** For Baton's generic decoder: Avro GenericRecords. */
  static Accept<GenericRecord> forGeneric() {
    return Accept.<GenericRecord>schema()
        .rule(RULE, r -> inRange((Double) r.get("celsius")))
        .maxRecordBytes(MAX_RECORD_BYTES);
  }

  /** For Flink's deserializer: GenericRecords of the Avro that flink-sql-avro-confluent-registry relocates. */
  static Accept<org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord> forFlinkGeneric() {
    return Accept.<org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord>schema()
        .rule(RULE, r -> inRange((Double) r.get("celsius")))
        .maxRecordBytes(MAX_RECORD_BYTES);
  }

  static boolean inRange(double celsius) {
    return celsius >= MIN_CELSIUS && celsius <= MAX_CELSIUS;
  }
}
