package io.baton.bench.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of a side-by-side run: per side, records per second (median and min–max over the rounds) and the
 * median heap peak; then side A against each other side, as the ratio of medians and the min–max of the per-round
 * ratios (the sides of a round ran one right after the other).
 *
 * <pre>{@code
 * System.out.println(ThroughputReport.of(results).text());
 * //   side        runs   median rec/s   min–max rec/s      heap peak
 * //   A baton        3        150,123   148,000–152,000     612 MB
 * //   A / B  0.45 (0.44–0.47)
 * }</pre>
 */
public final class ThroughputReport {
  private final Map<String, List<RunResult>> bySide = new LinkedHashMap<>();

  private ThroughputReport(List<RunResult> results) {
    results.forEach(r -> bySide.computeIfAbsent(r.side(), s -> new ArrayList<>()).add(r));
  }

  public static ThroughputReport of(List<RunResult> results) {
    return new ThroughputReport(results);
  }

  /** The table and the ratios, one line each. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "  %-12s %4s %14s %23s %12s %12s  %s", "side", "runs", "median rec/s",
        "min–max rec/s", "heap peak", "TM managed", "output"));
    bySide.forEach((side, runs) -> {
      List<Double> rates = runs.stream().map(RunResult::recordsPerSecond).sorted().toList();
      List<Double> heaps = runs.stream().map(r -> (double) (r.heapPeakBytes() >> 20)).sorted().toList();
      List<Double> managed = runs.stream().map(r -> (double) r.flinkMemory().managedBytes()).sorted().toList();
      double managedMedian = median(managed);
      boolean equal = runs.stream().allMatch(RunResult::outputOk);
      lines.add(String.format(Locale.ROOT, "  %-12s %4d %14s %23s %,9.0f MB %12s  %s", side, runs.size(),
          String.format(Locale.ROOT, "%,.0f", median(rates)),
          String.format(Locale.ROOT, "%,.0f–%,.0f", rates.get(0), rates.get(rates.size() - 1)),
          median(heaps), managedMedian < 0 ? "n/a" : FlinkMemory.mb((long) managedMedian), equal ? "right every run" : "WRONG: " + runs.stream().filter(r -> !r.outputOk()).findFirst().orElseThrow().verdict().note()));
    });
    baseline().ifPresent(a -> bySide.keySet().stream().filter(s -> !s.equals(a)).forEach(other ->
        lines.add(ratioLine(a, other))));
    baseline().ifPresent(a -> bySide.keySet().stream().filter(s -> s.startsWith("N")).findFirst().ifPresent(n ->
        lines.add(String.format(Locale.ROOT, "  lineage on (A) against off (N): A's rate is %.1f %% lower",
            100 * (1 - medianRate(a) / medianRate(n))))));
    return lines;
  }

  public String text() {
    return String.join(System.lineSeparator(), lines());
  }

  /** Every run of every side passed its output check. */
  public boolean allOutputsRight() {
    return bySide.values().stream().flatMap(List::stream).allMatch(RunResult::outputOk);
  }

  /** The median records per second of a side. */
  public double medianRate(String side) {
    return median(bySide.get(side).stream().map(RunResult::recordsPerSecond).sorted().toList());
  }

  private Optional<String> baseline() {
    return bySide.keySet().stream().filter(s -> s.startsWith("A")).findFirst();
  }

  private String ratioLine(String a, String other) {
    List<Double> perRound = new ArrayList<>();
    for (RunResult ra : bySide.get(a)) {
      bySide.get(other).stream().filter(r -> r.round() == ra.round()).findFirst()
          .ifPresent(ro -> perRound.add(ra.recordsPerSecond() / ro.recordsPerSecond()));
    }
    List<Double> sorted = perRound.stream().sorted().toList();
    return String.format(Locale.ROOT, "  %s / %s = %.2f  (per round %.2f–%.2f)", first(a), first(other),
        medianRate(a) / medianRate(other), sorted.get(0), sorted.get(sorted.size() - 1));
  }

  private static String first(String label) {
    return label.substring(0, 1);
  }

  static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
