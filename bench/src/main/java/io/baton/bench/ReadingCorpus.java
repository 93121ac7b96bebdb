package io.baton.bench;

import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.wire.WireEncoder;
import io.baton.schemas.sensor.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Varied {@link Reading}s registered and framed once, so every decode path reads the very same bytes:
 * sensor ids of different lengths, temperatures spread over -40..50 °C with every 32nd one outside the
 * physical range (so the rule also refuses), increasing timestamps. Seeded: every run sees the same records.
 *
 * <pre>{@code
 * ReadingCorpus corpus = ReadingCorpus.register(RegistryConfig.of(url), 1024);
 * byte[] value = corpus.values()[0];
 * }</pre>
 */
final class ReadingCorpus {
  static final String SUBJECT = "sensors.readings-value";
  static final int OUT_OF_RANGE_EVERY = 32;
  private static final long SEED = 20_240_601L;
  private static final long START_MILLIS = 1_717_200_000_000L;

  private final int schemaId;
  private final List<Reading> readings;
  private final byte[][] values;

  private ReadingCorpus(int schemaId, List<Reading> readings, byte[][] values) {
    this.schemaId = schemaId;
    this.readings = readings;
    this.values = values;
  }

  /** Registers Reading's schema under {@link #SUBJECT} and frames {@code count} records with its id. */
  static ReadingCorpus register(RegistryConfig config, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive, got " + count);
    }
    int id;
    try (SchemaRegistry registry = SchemaRegistry.connect(config)) {
      id = registry.register(SUBJECT, Reading.getClassSchema());
    }
    List<Reading> readings = readings(count);
    WireEncoder<Reading> encoder = WireEncoder.forSpecific(Reading.class, id);
    byte[][] values = new byte[count][];
    for (int i = 0; i < count; i++) {
      values[i] = encoder.encode(readings.get(i));
    }
    return new ReadingCorpus(id, List.copyOf(readings), values);
  }

  static List<Reading> readings(int count) {
    Random random = new Random(SEED);
    List<Reading> result = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String sensorId = "sensor-" + Integer.toString(random.nextInt(1 << 20), 36) + (i % 3 == 0 ? "-hall-b" : "");
      double celsius = i % OUT_OF_RANGE_EVERY == OUT_OF_RANGE_EVERY - 1
          ? (random.nextBoolean() ? 61 + random.nextDouble() * 100 : -91 - random.nextDouble() * 100)
          : -40 + random.nextDouble() * 90;
      long timestamp = START_MILLIS + i * 1_000L + random.nextInt(1_000);
      result.add(Reading.newBuilder().setSensorId(sensorId).setCelsius(celsius).setTimestamp(timestamp).build());
    }
    return result;
  }

  int schemaId() {
    return schemaId;
  }

  /** The records, in the order of {@link #values()}. */
  List<Reading> readings() {
    return readings;
  }

  /** The framed records (shared, do not modify). */
  byte[][] values() {
    return values;
  }

  /** How many records the rule refuses. */
  long outOfRange() {
    return readings.stream().filter(r -> !SensorRules.inRange(r.getCelsius())).count();
  }

  @Override
  public String toString() {
    return "ReadingCorpus[" + values.length + " records, schema id " + schemaId + "]";
  }
}
