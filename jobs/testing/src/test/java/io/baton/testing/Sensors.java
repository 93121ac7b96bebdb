package io.baton.testing;

import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.util.List;

/** Small helpers for scenario tests over sensor readings. */
final class Sensors {
  private Sensors() {}

  static Reading reading(String sensor, double celsius, long timestamp) {
    return new Reading(sensor, celsius, timestamp);
  }

  /** A summary whose fields say exactly which readings the batch held. */
  static Summary summarize(String sensor, List<Reading> readings) {
    long first = readings.stream().mapToLong(Reading::getTimestamp).min().orElse(0);
    long last = readings.stream().mapToLong(Reading::getTimestamp).max().orElse(0);
    double min = readings.stream().mapToDouble(Reading::getCelsius).min().orElse(0);
    double max = readings.stream().mapToDouble(Reading::getCelsius).max().orElse(0);
    double sum = readings.stream().mapToDouble(Reading::getCelsius).sum();
    return new Summary(sensor == null ? "*" : sensor, first, last, readings.size(), min, max, sum);
  }

  /** "sensor:count:sum" per summary, sorted, for exact comparisons. */
  static List<String> digest(List<Summary> summaries) {
    return summaries.stream()
        .map(s -> s.getSensorId() + ":" + s.getCount() + ":" + (long) s.getMeanCelsius() + "@" + s.getWindowStart())
        .sorted().toList();
  }
}
