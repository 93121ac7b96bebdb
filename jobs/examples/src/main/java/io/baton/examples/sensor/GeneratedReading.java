package io.baton.examples.sensor;

import io.baton.schemas.sensor.Reading;
import java.util.Objects;
import java.util.Optional;

/**
 * One reading made by {@link SensorReadings}, with what the sensor story should do with it.
 *
 * <pre>{@code
 * if (g.kind() == GeneratedReading.Kind.LATE) { expectedLate++; }
 * }</pre>
 *
 * @param reading the record to produce to {@link SensorStory#READINGS_TOPIC}
 * @param kind whether it is meant to pass or which dead-letter reason it is meant to get
 */
public record GeneratedReading(Reading reading, Kind kind) {

  /** What a generated reading is meant to be. */
  public enum Kind {
    /** In range and on time: counts towards a summary. */
    GOOD(null),
    /** Outside -90..60 °C: rejected by the source's range rule. */
    OUT_OF_RANGE("rule:" + SensorStory.RANGE_RULE),
    /** In range but older than its window's end plus grace: rejected by "per-minute" as late. */
    LATE("late");

    private final String deadLetterReason;

    Kind(String deadLetterReason) {
      this.deadLetterReason = deadLetterReason;
    }

    /** The dead-letter reason this kind should get, empty for {@link #GOOD}. */
    public Optional<String> deadLetterReason() {
      return Optional.ofNullable(deadLetterReason);
    }
  }

  public GeneratedReading {
    Objects.requireNonNull(reading, "reading");
    Objects.requireNonNull(kind, "kind");
  }
}
