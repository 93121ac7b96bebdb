package io.baton.examples.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.examples.sensor.GeneratedReading.Kind;
import io.baton.schemas.sensor.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SensorReadingsTest {

  /** Not on a minute boundary, to keep the arithmetic honest. */
  private static final long START = Instant.parse("2024-05-01T12:00:17Z").toEpochMilli();
  private static final long MINUTE = 60_000;

  private static SensorReadings.Builder demo() {
    return SensorReadings.builder().seed(7).sensors(5).every(Duration.ofSeconds(2)).startAt(START)
        .readingsPerSensor(150).hotSensors(2).outOfRange(4).late(3);
  }

  @Test
  void sameSeedGivesTheSameReadings() {
    assertThat(demo().build().generate()).isEqualTo(demo().build().generate());
    assertThat(demo().build().hotSensorIds()).isEqualTo(demo().build().hotSensorIds());
  }

  @Test
  void otherSeedGivesOtherReadings() {
    assertThat(demo().seed(8).build().generate()).isNotEqualTo(demo().build().generate());
  }

  @Test
  void makesExactlyTheConfiguredNumbersOfEachKind() {
    List<GeneratedReading> readings = demo().build().generate();

    // 5 sensors x 150 ticks good readings, then the configured bad ones.
    assertThat(readings.stream().collect(Collectors.groupingBy(GeneratedReading::kind, Collectors.counting())))
        .isEqualTo(Map.of(Kind.GOOD, 750L, Kind.OUT_OF_RANGE, 4L, Kind.LATE, 3L));
    assertThat(readings).hasSize(757);
  }

  @Test
  void countByKindCountsEveryKind() {
    Reading r = new Reading("sensor-001", 20.0, START);
    List<GeneratedReading> readings = List.of(new GeneratedReading(r, Kind.GOOD), new GeneratedReading(r, Kind.LATE),
        new GeneratedReading(r, Kind.GOOD));

    assertThat(SensorReadings.countByKind(readings))
        .isEqualTo(Map.of(Kind.GOOD, 2L, Kind.OUT_OF_RANGE, 0L, Kind.LATE, 1L));
  }

  @Test
  void countByKindListsAbsentKindsAsZero() {
    List<GeneratedReading> readings = demo().outOfRange(0).late(0).build().generate();

    assertThat(SensorReadings.countByKind(readings)).containsEntry(Kind.OUT_OF_RANGE, 0L).containsEntry(Kind.LATE, 0L);
  }

  @Test
  void goodReadingsTickEverySensorInTimeOrder() {
    List<Reading> good = demo().build().generate().stream()
        .filter(g -> g.kind() == Kind.GOOD).map(GeneratedReading::reading).toList();

    for (int tick = 0; tick < 150; tick++) {
      for (int s = 0; s < 5; s++) {
        Reading r = good.get(tick * 5 + s);
        assertThat(r.getSensorId()).isEqualTo(String.format("sensor-%03d", s + 1));
        assertThat(r.getTimestamp()).isEqualTo(START + tick * 2_000L);
      }
    }
  }

  @Test
  void onlyOutOfRangeReadingsBreakTheRangeRule() {
    for (GeneratedReading g : demo().build().generate()) {
      assertThat(inMinus90To60(g.reading())).as("%s", g).isEqualTo(g.kind() != Kind.OUT_OF_RANGE);
    }
  }

  @Test
  void outOfRangeReadingsCarryTheCurrentTime() {
    List<GeneratedReading> readings = demo().build().generate();
    long newest = Long.MIN_VALUE;
    for (GeneratedReading g : readings) {
      if (g.kind() == Kind.OUT_OF_RANGE) {
        assertThat(g.reading().getTimestamp()).isEqualTo(newest);
      }
      newest = Math.max(newest, g.reading().getTimestamp());
    }
  }

  @Test
  void lateReadingsAreOlderThanTheirMinuteByMoreThanAWindowPlusGrace() {
    List<GeneratedReading> readings = demo().build().generate();
    long newest = Long.MIN_VALUE;
    int late = 0;
    for (GeneratedReading g : readings) {
      long t = g.reading().getTimestamp();
      if (g.kind() == Kind.LATE) {
        late++;
        long currentMinute = Math.floorDiv(newest, MINUTE) * MINUTE;
        assertThat(currentMinute - t).isGreaterThan(MINUTE + 10_000);
        assertThat(t).isGreaterThanOrEqualTo(START);
      }
      newest = Math.max(newest, t);
    }
    assertThat(late).isEqualTo(3);
  }

  @Test
  void perMinuteWindowsDropExactlyTheLateReadings() {
    // The source's rule, then per-minute's lateness test (window end - 1 + grace <= watermark),
    // with the watermark trailing the newest accepted reading by 5 s.
    long newest = Long.MIN_VALUE;
    int ruleRejects = 0;
    int lateRejects = 0;
    for (GeneratedReading g : demo().build().generate()) {
      Reading r = g.reading();
      if (!inMinus90To60(r)) {
        ruleRejects++;
        continue;
      }
      long watermark = newest == Long.MIN_VALUE ? Long.MIN_VALUE : newest - 5_000 - 1;
      long windowEnd = Math.floorDiv(r.getTimestamp(), MINUTE) * MINUTE + MINUTE;
      boolean late = windowEnd - 1 + 10_000 <= watermark;
      assertThat(late).as("%s", g).isEqualTo(g.kind() == Kind.LATE);
      lateRejects += late ? 1 : 0;
      newest = Math.max(newest, r.getTimestamp());
    }
    assertThat(ruleRejects).isEqualTo(4);
    assertThat(lateRejects).isEqualTo(3);
  }

  @Test
  void hotSensorsAlertEveryMinuteAndOthersNever() {
    SensorReadings gen = demo().build();
    Map<String, List<Reading>> bySensorMinute = new TreeMap<>();
    for (GeneratedReading g : gen.generate()) {
      if (g.kind() == Kind.GOOD) {
        Reading r = g.reading();
        bySensorMinute.computeIfAbsent(r.getSensorId() + "@" + Math.floorDiv(r.getTimestamp(), MINUTE),
            k -> new ArrayList<>()).add(r);
      }
    }
    // A sensor's minute is hot when its mean is above 40 °C.
    Set<String> alerted = new TreeSet<>();
    int alerts = 0;
    for (List<Reading> minute : bySensorMinute.values()) {
      double mean = minute.stream().mapToDouble(Reading::getCelsius).sum() / minute.size();
      if (mean > 40.0) {
        alerts++;
        alerted.add(minute.get(0).getSensorId());
      }
    }

    assertThat(gen.hotSensorIds()).hasSize(2);
    assertThat(alerted).isEqualTo(gen.hotSensorIds());
    // 150 readings every 2 s from 12:00:17 touch minutes 12:00 .. 12:05: six per hot sensor.
    assertThat(alerts).isEqualTo(2 * 6);
  }

  @Test
  void noHotSensorsNoAlerts() {
    SensorReadings gen = demo().hotSensors(0).build();
    List<Reading> good = gen.generate().stream().filter(g -> g.kind() == Kind.GOOD).map(GeneratedReading::reading).toList();

    assertThat(gen.hotSensorIds()).isEmpty();
    assertThat(good).allSatisfy(r -> assertThat(r.getCelsius()).isBetween(13.0, 27.0));
  }

  @Test
  void missingSettingsAreReportedTogether() {
    assertThatThrownBy(() -> SensorReadings.builder().outOfRange(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SensorReadings: call sensors(n); call startAt(epochMillis); call readingsPerSensor(n); "
            + "outOfRange must be zero or positive, got -1");
  }

  @Test
  void badValuesAreReportedTogether() {
    assertThatThrownBy(() -> demo().sensors(0).every(Duration.ZERO).hotSensors(-1).late(-2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SensorReadings: sensors must be at least 1, got 0; every must be at least 1 ms, got PT0S; "
            + "hotSensors must be between 0 and sensors (0), got -1; late must be zero or positive, got -2");
  }

  @Test
  void lateReadingsNeedARunLongerThanAWindowPlusGrace() {
    // From 12:00:17 the first minute at least 71 s later is 12:02:00, tick 103/2 s rounded up = 52.
    assertThatThrownBy(() -> demo().readingsPerSensor(52).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SensorReadings: late(3) needs event time to pass one window plus grace after the start: "
            + "readingsPerSensor must be at least 53 with every(PT2S), got 52");
    assertThat(demo().readingsPerSensor(53).build().generate()).filteredOn(g -> g.kind() == Kind.LATE).hasSize(3);
  }

  @Test
  void deadLetterReasonsMatchTheStory() {
    assertThat(Kind.GOOD.deadLetterReason()).isEmpty();
    assertThat(Kind.OUT_OF_RANGE.deadLetterReason()).hasValue("rule:celsius in physical range");
    assertThat(Kind.LATE.deadLetterReason()).hasValue("late");
  }

  @Test
  void describesItsSettings() {
    assertThat(demo().build()).hasToString("SensorReadings(seed=7, sensors=5, every=PT2S, "
        + "startAt=2024-05-01T12:00:17Z, readingsPerSensor=150, hotSensors=2, outOfRange=4, late=3)");
    assertThat(demo().build().sensorIds())
        .containsExactly("sensor-001", "sensor-002", "sensor-003", "sensor-004", "sensor-005");
    assertThat(Objects.requireNonNull(demo().build().generate().stream()
        .map(g -> g.reading().getSensorId()).collect(Collectors.toSet())))
        .isEqualTo(Set.copyOf(demo().build().sensorIds()));
  }

  /** The story's range rule, written out here: -90 to 60 °C, both ends included. */
  private static boolean inMinus90To60(Reading r) {
    return r.getCelsius() >= -90.0 && r.getCelsius() <= 60.0;
  }
}
