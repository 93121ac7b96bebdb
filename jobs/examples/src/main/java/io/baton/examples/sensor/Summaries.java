package io.baton.examples.sensor;

import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.util.List;

/**
 * Summarises one sensor's readings of one minute: count, min, max and mean.
 *
 * <pre>{@code
 * Summary s = Summaries.of("sensor-001", readingsOfOneMinute);
 * }</pre>
 */
public final class Summaries {
  private Summaries() {}

  /**
   * The summary of one released batch, or {@code null} (nothing emitted) for an empty one. The
   * window is the minute containing the earliest reading: with {@link SensorStory}'s one-minute
   * tumbling windows every reading of a batch lies in that minute.
   */
  public static Summary of(String sensorId, List<Reading> readings) {
    if (readings.isEmpty()) {
      return null;
    }
    long window = SensorStory.WINDOW.toMillis();
    long earliest = Long.MAX_VALUE;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (Reading r : readings) {
      earliest = Math.min(earliest, r.getTimestamp());
      min = Math.min(min, r.getCelsius());
      max = Math.max(max, r.getCelsius());
      sum += r.getCelsius();
    }
    // Windows are aligned to the epoch, as Flink's tumbling windows are.
    long start = Math.floorDiv(earliest, window) * window;
    return Summary.newBuilder()
        .setSensorId(sensorId)
        .setWindowStart(start)
        .setWindowEnd(start + window)
        .setCount(readings.size())
        .setMinCelsius(min)
        .setMaxCelsius(max)
        .setMeanCelsius(sum / readings.size())
        .build();
  }
}
