package io.baton.flink.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusFiguresTest {
  @Test
  void countsComeFromSummedMetricNamesWithDeadLettersByReasonLabel() {
    StageCounts c = StageMetricsReader.fromTotals(Map.of("accepted", 10L, "rejected", 3L, "emitted", 9L, "late", 2L,
        "reason.schema.deadLettered", 1L, "reason.rule_in_range.deadLettered", 2L, "reason.late.deadLettered", 2L,
        "batches", 4L));
    assertThat(c).isEqualTo(StageCounts.of(13, 9, Map.of("schema", 1L, "rule_in_range", 2L, "late", 2L), 2));
    assertThat(c.deadLettered()).isEqualTo(5);
  }

  @Test
  void ruleReasonsGetTheirNamesBackFromTheAcceptPolicy() {
    ReasonNames names = ReasonNames.of("Accept.schema().rule(\"celsius in physical range\").rule(\"a.b, c\").maxRecordBytes(16384)");
    StageCounts restored = names.restore(StageCounts.of(9, 2, Map.of("rule_celsius_in_physical_range", 4L,
        "rule_a_b__c", 1L, "schema", 2L, "rule_unknown", 1L), 0));
    assertThat(restored.deadLetteredByReason()).isEqualTo(Map.of("rule:celsius in physical range", 4L, "rule:a.b, c", 1L,
        "schema", 2L, "rule_unknown", 1L));
  }

  @Test
  void metricIdLosesSubtaskAndOperatorUpToBaton() {
    assertThat(StageMetricsReader.batonName("3.accept_readings.baton.reason.too-large.deadLettered"))
        .isEqualTo("reason.too-large.deadLettered");
  }

  @Test
  void worstStateRanksFailuresAboveCancelledAboveRunning() {
    assertThat(JobStates.worst(List.of("RUNNING", "CANCELED", "RUNNING"))).isEqualTo("CANCELED");
    assertThat(JobStates.worst(List.of("CANCELED", "FAILED", "RESTARTING"))).isEqualTo("FAILED");
    assertThat(JobStates.worst(List.of("RUNNING"))).isEqualTo("RUNNING");
  }

  @Test
  void aStageRunsAsDeployedOnlyWhenItsJobAndEveryTaskRun() {
    StageStatus starting = stage("RUNNING", 1, 2);
    assertThat(starting.runningAsDeployed()).isFalse();
    assertThat(stage("RUNNING", 2, 2).runningAsDeployed()).isTrue();
    assertThat(stage("RESTARTING", 0, 2).runningAsDeployed()).isFalse();
    assertThat(StageStatus.missing("a", Map.of()).runningAsDeployed()).isFalse();
    PipelineStatus p = new PipelineStatus("p", "http://f", Instant.EPOCH, List.of(stage("RUNNING", 2, 2), starting));
    assertThat(p.runningAsDeployed()).isFalse();
    assertThat(p.notRunning()).containsExactly("s");
  }

  @Test
  void tasksRunningCannotExceedTasks() {
    assertThatThrownBy(() -> stage("RUNNING", 3, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tasksRunning must be in 0..2, got 3");
  }

  @Test
  void textShowsEveryFigureAndTheStagesThatDoNotRun() {
    StageStatus s = new StageStatus("readings", Optional.of("j1"), "RUNNING", 2, 2, Optional.of(Duration.ofSeconds(252)),
        Optional.empty(), StageCounts.of(12, 9, Map.of("schema", 1L, "malformed", 2L), 0), Map.of("in", 4L),
        Optional.of(LastCheckpoint.of(7, Instant.EPOCH, Duration.ofMillis(1500))), "ok");
    String text = StatusText.render(new PipelineStatus("p", "http://f/", Instant.EPOCH,
        List.of(s, StageStatus.missing("alerts", Map.of()))));
    assertThat(text).contains("readings       RUNNING      4m12s    -                12        9      3      0      4 #7 1s        ok")
        .contains("  readings: malformed 2, schema 1")
        .contains("Not running as deployed: alerts (MISSING)");
  }

  @Test
  void jsonHasNullsForAbsentValues() {
    String json = StatusJson.render(new PipelineStatus("p", "http://f/", Instant.EPOCH,
        List.of(StageStatus.missing("alerts", Map.of("t", 3L)))));
    assertThat(json).contains("\"runningAsDeployed\":false").contains("\"version\":null")
        .contains("\"lag\":{\"t\":3}").contains("\"lastCheckpoint\":null");
  }

  private static StageStatus stage(String state, int running, int total) {
    return new StageStatus("s", Optional.of("j"), state, running, total, Optional.empty(), Optional.empty(),
        StageCounts.none(), Map.of(), Optional.empty(), "-");
  }
}
