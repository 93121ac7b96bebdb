package io.baton.examples.sensor;

import io.baton.api.fn.BatchWindow;
import io.baton.api.fn.Fn;
import io.baton.api.fn.StageFunction;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.io.Serializable;
import java.util.List;

/**
 * Summarises one sensor's readings of one minute: count, min, max and mean, incrementally: per sensor and
 * minute the stage keeps a {@link Running} total, never the readings.
 *
 * <pre>{@code
 * p.stage("per-minute", readings, Batch.every(Duration.ofMinutes(1)).keyedBy(Reading::getSensorId), Summaries.PER_MINUTE);
 * Summary s = Summaries.of("sensor-001", readingsOfOneMinute);   // the same, all at once
 * }</pre>
 */
public final class Summaries {
  private Summaries() {}

  /** The stage function: a running total per sensor and window, its summary when the window closes. */
  public static final StageFunction<Reading, Summary> PER_MINUTE =
      Fn.aggregate(Running::empty, Running::add, Running::merge, Summaries::result);

  /** Count, min, max and sum of the readings so far; immutable. */
  public record Running(int count, double min, double max, double sum) implements Serializable {
    static Running empty() {
      return new Running(0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0);
    }

    Running add(Reading r) {
      double c = r.getCelsius();
      return new Running(count + 1, Math.min(min, c), Math.max(max, c), sum + c);
    }

    Running merge(Running other) {
      return new Running(count + other.count, Math.min(min, other.min), Math.max(max, other.max), sum + other.sum);
    }
  }

  /** The summary of one sensor's window, or {@code null} (nothing emitted) when it had no readings. */
  static Summary result(String sensorId, BatchWindow window, Running r) {
    if (r.count() == 0) {
      return null;
    }
    return Summary.newBuilder()
        .setSensorId(sensorId)
        .setWindowStart(window.start())
        .setWindowEnd(window.end())
        .setCount(r.count())
        .setMinCelsius(r.min())
        .setMaxCelsius(r.max())
        .setMeanCelsius(r.sum() / r.count())
        .build();
  }

  /**
   * The summary of one minute's readings all at once, or {@code null} for none: what {@link #PER_MINUTE}
   * gives for them in this order. The window is the minute containing the earliest reading, aligned to the
   * epoch as Flink's tumbling windows are.
   */
  public static Summary of(String sensorId, List<Reading> readings) {
    if (readings.isEmpty()) {
      return null;
    }
    long window = SensorStory.WINDOW.toMillis();
    long earliest = readings.stream().mapToLong(Reading::getTimestamp).min().getAsLong();
    long start = Math.floorDiv(earliest, window) * window;
    Running running = Running.empty();
    for (Reading r : readings) {
      running = running.add(r);
    }
    return result(sensorId, new BatchWindow(start, start + window), running);
  }
}
