package io.baton.examples.demo;

import io.baton.examples.sensor.Alerts;
import io.baton.examples.sensor.GeneratedReading;
import io.baton.examples.sensor.SensorReadings;
import io.baton.examples.sensor.Summaries;
import io.baton.schemas.wire.WireEncoder;
import io.baton.schemas.wire.WireFormat;
import io.baton.schemas.sensor.Reading;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the demo feeds the sensor story and what should come out: generated readings (good,
 * out of range, late), a clock reading that moves event time past the last minute, and bytes
 * that are not a known Avro record at all.
 *
 * <pre>{@code
 * DemoFeed feed = DemoFeed.standard();
 * feed.onTime();   // good and out-of-range readings, event-time order, then the clock reading
 * feed.late();     // readings for minutes that have closed
 * }</pre>
 */
final class DemoFeed {
  /** A schema id no registry here hands out. */
  static final int UNKNOWN_SCHEMA_ID = 987_654;
  private static final long START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  private final List<GeneratedReading> generated;

  private DemoFeed(List<GeneratedReading> generated) {
    this.generated = generated;
  }

  /** Six sensors (two of them hot) reading every 10 s for ten minutes, four out of range, three late. */
  static DemoFeed standard() {
    return new DemoFeed(SensorReadings.builder().seed(42).sensors(6).hotSensors(2).every(Duration.ofSeconds(10))
        .startAt(START).readingsPerSensor(60).outOfRange(4).late(3).build().generate());
  }

  /** Good and out-of-range readings in the order they were made, then the clock reading. */
  List<Reading> onTime() {
    List<Reading> readings = new ArrayList<>(generated.stream()
        .filter(g -> g.kind() != GeneratedReading.Kind.LATE).map(GeneratedReading::reading).toList());
    readings.add(clock());
    return readings;
  }

  /** Readings for minutes whose windows have closed: they arrive after grace. */
  List<Reading> late() {
    return of(GeneratedReading.Kind.LATE);
  }

  /** One reading two minutes after the last, so the watermark passes every generated minute; its own minute stays open. */
  Reading clock() {
    long last = generated.stream().mapToLong(g -> g.reading().getTimestamp()).max().orElse(START);
    return new Reading("clock", 20.0, last + Duration.ofMinutes(2).toMillis());
  }

  /** Values a stage cannot decode: not Avro, a wrong magic byte, a record cut short. */
  List<byte[]> malformed(WireEncoder<Reading> encoder) {
    byte[] good = encoder.encode(generated.get(0).reading());
    byte[] wrongMagic = good.clone();
    wrongMagic[0] = 7;
    return List.of("temperature: warm".getBytes(StandardCharsets.UTF_8), wrongMagic,
        Arrays.copyOf(good, good.length - 6));
  }

  /** A well-formed record under a schema id the registry does not know. */
  byte[] unknownSchema(WireEncoder<Reading> encoder) {
    byte[] value = encoder.encode(generated.get(0).reading());
    System.arraycopy(WireFormat.header(UNKNOWN_SCHEMA_ID), 0, value, 0, WireFormat.HEADER_LENGTH);
    return value;
  }

  long count(GeneratedReading.Kind kind) {
    return generated.stream().filter(g -> g.kind() == kind).count();
  }

  /** One summary per sensor and minute of the good readings. */
  long expectedSummaries() {
    return goodByWindow().size();
  }

  /** Summaries the example's own alert rule turns into alerts. */
  long expectedAlerts() {
    return goodByWindow().entrySet().stream()
        .filter(e -> Alerts.hot(Summaries.of(e.getValue().get(0).getSensorId(), e.getValue())) != null)
        .count();
  }

  private Map<String, List<Reading>> goodByWindow() {
    return of(GeneratedReading.Kind.GOOD).stream().collect(Collectors.groupingBy(
        r -> r.getSensorId() + "@" + Math.floorDiv(r.getTimestamp(), 60_000L)));
  }

  private List<Reading> of(GeneratedReading.Kind kind) {
    return generated.stream().filter(g -> g.kind() == kind).map(GeneratedReading::reading).toList();
  }
}
