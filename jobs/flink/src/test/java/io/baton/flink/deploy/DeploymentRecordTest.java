package io.baton.flink.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.flink.plan.StateShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentRecordTest {
  @TempDir
  Path dir;

  private static final StateShape SHAPE = new StateShape(List.of("source", "accept", "batch", "handoff", "dead-letters"),
      "every", "every(PT1M)", "EVENT", "sensorId (a.B::getSensorId)", "accumulator", "a.Tally", List.of("in"));

  @Test
  void aSavedRecordReadsBackTheSameAndLeavesNoTemporaryFile() throws Exception {
    Path file = dir.resolve("deployments/twice.json");
    DeploymentRecord record = DeploymentRecord.load(file, "twice", "local")
        .with("totals", new DeploymentRecord.Stage("0123456789ab", SHAPE, 1, "job1", "jar1", "io.baton.flink.job.StageJob",
            List.of("--stage", "totals"), null, DeploymentRecord.RUNNING, 0));

    record.save(file);
    DeploymentRecord stopped = record.with("totals", record.stage("totals").orElseThrow().stopped("file:/sp/1"));
    stopped.save(file);

    DeploymentRecord back = DeploymentRecord.load(file, "twice", "local");
    assertThat(back).isEqualTo(stopped);
    assertThat(back.stage("totals").orElseThrow().isStopped()).isTrue();
    assertThat(back.stage("totals").orElseThrow().savepoint()).isEqualTo("file:/sp/1");
    try (var files = Files.list(file.getParent())) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("twice.json");
    }
  }

  @Test
  void noFileIsAnEmptyRecord() throws Exception {
    DeploymentRecord record = DeploymentRecord.load(dir.resolve("none.json"), "twice", "shared");
    assertThat(record.stages()).isEmpty();
    assertThat(record.context()).isEqualTo("shared");
  }

  @Test
  void aStateShapeNamesEachDifferenceThatKeepsItsSavepointFromRestoring() {
    StateShape keyedByRegion = new StateShape(SHAPE.uids(), "sliding", "sliding(PT2M, PT1M)", "EVENT",
        "region (a.B::getRegion)", "records", "", List.of("in", "more"));
    assertThat(SHAPE.differences(keyedByRegion)).containsExactly(
        "batch policy every(PT1M) → sliding(PT2M, PT1M)",
        "key sensorId (a.B::getSensorId) → region (a.B::getRegion)",
        "window state accumulator → records",
        "input topics [in] → [in, more]");
    assertThat(SHAPE.differences(SHAPE)).isEmpty();
  }
}
