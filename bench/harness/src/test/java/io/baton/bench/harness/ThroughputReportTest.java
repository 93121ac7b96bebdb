package io.baton.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputReportTest {
  private static final OutputCheck.Verdict RIGHT = new OutputCheck.Verdict(true, 1_000, "= expected");

  private static RunResult run(String side, int round, long millis) {
    return new RunResult(side, round, "out", Duration.ofMillis(millis), 100L << 20, 1_000, RIGHT);
  }

  @Test
  void mediansAndRatiosOfA() {
    ThroughputReport report = ThroughputReport.of(List.of(
        run("A baton", 1, 1_000), run("B flink", 1, 500),
        run("A baton", 2, 2_000), run("B flink", 2, 500),
        run("A baton", 3, 4_000), run("B flink", 3, 1_000)));

    assertThat(report.medianRate("A baton")).isEqualTo(500.0);
    assertThat(report.medianRate("B flink")).isEqualTo(2_000.0);
    assertThat(report.lines()).last().asString().contains("A / B = 0.25  (per round 0.25–0.50)");
    assertThat(report.allOutputsRight()).isTrue();
  }

  @Test
  void lineageCostIsAAgainstN() {
    ThroughputReport report = ThroughputReport.of(List.of(run("A baton", 1, 1_000), run("N nolineage", 1, 800)));

    assertThat(report.lines()).contains("  A / N = 0.80  (per round 0.80–0.80)",
        "  lineage on (A) against off (N): A's rate is 20.0 % lower");
  }

  @Test
  void aWrongOutputIsReported() {
    RunResult wrong = new RunResult("D loop", 1, "out", Duration.ofSeconds(1), 0, 1_000,
        new OutputCheck.Verdict(false, 999, "DIFFERS: 999 records"));
    ThroughputReport report = ThroughputReport.of(List.of(run("A baton", 1, 1_000), wrong));
    assertThat(report.allOutputsRight()).isFalse();
    assertThat(report.text()).contains("WRONG: DIFFERS: 999 records");
  }
}
