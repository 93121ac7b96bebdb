package io.baton.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH scores (ns per record, with their 99.9% error) into the comparison the benchmark is for:
 * each Baton path divided by Flink's, with the range the errors allow. Pairs whose two sides did not
 * both run are left out.
 *
 * <pre>{@code
 * RatioReport.of(Map.of("batonGeneric", Score.of(120, 4), "flinkGeneric", Score.of(100, 3))).text();
 * // batonGeneric / flinkGeneric = 1.20 (1.13..1.28) ...
 * }</pre>
 */
final class RatioReport {
  /** Baton path, Flink path, what the pair compares. */
  static final List<String[]> PAIRS = List.of(
      new String[] {"batonGeneric", "flinkGeneric", "decode + accept, generic vs generic (like for like)"},
      new String[] {"batonSpecific", "flinkGeneric", "decode + accept, Baton's real stage path vs Flink's usable path"},
      new String[] {"batonGenericDecodeOnly", "flinkGenericDecodeOnly", "decode only, generic vs generic"});

  /** One JMH score: mean and the half-width of its confidence interval (NaN when unknown). */
  record Score(double mean, double error) {
    static Score of(double mean, double error) {
      if (!(mean > 0)) {
        throw new IllegalArgumentException("mean must be positive, got " + mean);
      }
      return new Score(mean, error);
    }
  }

  private final Map<String, Score> scores;

  private RatioReport(Map<String, Score> scores) {
    this.scores = scores;
  }

  /** A report over scores keyed by benchmark method name. */
  static RatioReport of(Map<String, Score> scores) {
    return new RatioReport(new LinkedHashMap<>(scores));
  }

  /** The lines of the report; empty when no pair ran. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    scores.forEach((name, s) -> lines.add(String.format(Locale.ROOT, "  %-24s %10.1f ns/record  (± %.1f)", name, s.mean(), s.error())));
    for (String[] pair : PAIRS) {
      Score baton = scores.get(pair[0]);
      Score flink = scores.get(pair[1]);
      if (baton == null || flink == null) {
        continue;
      }
      lines.add(String.format(Locale.ROOT, "  %s / %s = %.2f%s  [%s]", pair[0], pair[1], baton.mean() / flink.mean(),
          range(baton, flink), pair[2]));
    }
    return lines;
  }

  /** The ratio's range when both errors are known and smaller than the means, else nothing. */
  private static String range(Score baton, Score flink) {
    if (Double.isNaN(baton.error()) || Double.isNaN(flink.error()) || flink.error() >= flink.mean()) {
      return "";
    }
    double low = Math.max(0, baton.mean() - baton.error()) / (flink.mean() + flink.error());
    double high = (baton.mean() + baton.error()) / (flink.mean() - flink.error());
    return String.format(Locale.ROOT, " (%.2f..%.2f)", low, high);
  }

  String text() {
    return "Baton vs Flink, ns per record (ratio > 1: Baton takes longer)\n" + String.join("\n", lines());
  }

  @Override
  public String toString() {
    return "RatioReport.of(" + scores + ")";
  }
}
