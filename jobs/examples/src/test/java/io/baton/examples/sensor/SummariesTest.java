package io.baton.examples.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummariesTest {

  private static final long NOON = Instant.parse("2024-05-01T12:00:00Z").toEpochMilli();

  @Test
  void summarisesCountMinMaxAndMeanOfOneMinute() {
    Summary s = Summaries.of("sensor-007", List.of(
        new Reading("sensor-007", 20.0, NOON + 5_000),
        new Reading("sensor-007", 27.0, NOON + 30_000),
        new Reading("sensor-007", 22.0, NOON + 59_999)));

    assertThat(s).isEqualTo(new Summary("sensor-007", NOON, NOON + 60_000, 3, 20.0, 27.0, 23.0));
  }

  @Test
  void windowIsTheMinuteOfTheReadingsWhateverTheirOrder() {
    Summary s = Summaries.of("s", List.of(
        new Reading("s", -4.5, NOON + 61_000),
        new Reading("s", -5.5, NOON + 60_000)));

    assertThat(s).isEqualTo(new Summary("s", NOON + 60_000, NOON + 120_000, 2, -5.5, -4.5, -5.0));
  }

  @Test
  void readingOnTheMinuteStartsThatMinute() {
    Summary s = Summaries.of("s", List.of(new Reading("s", 10.0, NOON + 120_000)));

    assertThat(s.getWindowStart()).isEqualTo(NOON + 120_000);
    assertThat(s.getWindowEnd()).isEqualTo(NOON + 180_000);
    assertThat(s.getCount()).isEqualTo(1);
  }

  @Test
  void emptyBatchEmitsNothing() {
    assertThat(Summaries.of("s", List.of())).isNull();
  }
}
