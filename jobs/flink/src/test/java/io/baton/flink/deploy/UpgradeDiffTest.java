package io.baton.flink.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.flink.deploy.UpgradeDiff.Action;
import io.baton.flink.deploy.UpgradeDiff.Step;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import io.baton.flink.plan.Planner;
import io.baton.flink.plan.PlannerTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Stages that do not run (no Flink is asked): recorded stopped, recorded running but gone, or new. */
class UpgradeDiffTest {
  private final Plan plan = Planner.plan(new PlannerTest.Sensors());

  private DeploymentRecord.Stage recorded(String stage, String jobId, String savepoint, String status) {
    PlannedStage s = plan.stage(stage);
    return new DeploymentRecord.Stage(s.stageVersion(), s.stateShape(), s.parallelism(), jobId, "jar1", s.entryClass(),
        List.of(), savepoint, status, 0);
  }

  private Step step(List<Step> steps, String stage) {
    return steps.stream().filter(s -> s.stage().equals(stage)).findFirst().orElseThrow();
  }

  @Test
  void aStageWhoseJobVanishedWithItsJobManagerResumesFromThatJobsLatestRetainedCheckpoint() throws Exception {
    DeploymentRecord record = new DeploymentRecord("sensor-test", "local", Map.of(
        "per-minute", recorded("per-minute", "gone1", null, DeploymentRecord.RUNNING)));

    List<Step> steps = UpgradeDiff.of(plan, record, Map.of(), null, Upgrade.Options.DEFAULT,
        s -> s.jobId().equals("gone1") ? Optional.of("file:///cp/gone1/chk-7") : Optional.empty());

    Step perMinute = step(steps, "per-minute");
    assertThat(perMinute.action()).isEqualTo(Action.RESUME);
    assertThat(perMinute.before().savepoint()).isEqualTo("file:///cp/gone1/chk-7");
    assertThat(perMinute.why()).isEqualTo("its job gone1 is gone with the JobManager that ran it, version "
        + plan.stage("per-minute").stageVersion() + ": resume from its latest retained checkpoint file:///cp/gone1/chk-7");
    assertThat(step(steps, "readings").action()).as("never deployed").isEqualTo(Action.START);
  }

  @Test
  void aStageRecordedRunningWithoutARetainedCheckpointStartsFresh() throws Exception {
    DeploymentRecord record = new DeploymentRecord("sensor-test", "local", Map.of(
        "alerts", recorded("alerts", "gone2", null, DeploymentRecord.RUNNING)));

    List<Step> steps = UpgradeDiff.of(plan, record, Map.of(), null, Upgrade.Options.DEFAULT, s -> Optional.empty());

    assertThat(step(steps, "alerts").action()).isEqualTo(Action.START);
    assertThat(step(steps, "alerts").why()).startsWith("not running and no savepoint");
  }

  @Test
  void aStageStoppedWithASavepointResumesFromItAndNotFromACheckpoint() throws Exception {
    DeploymentRecord record = new DeploymentRecord("sensor-test", "local", Map.of(
        "alerts", recorded("alerts", "old", "file:/sp/savepoint-1", DeploymentRecord.STOPPED),
        "per-hundred", recorded("per-hundred", "cancelled", null, DeploymentRecord.STOPPED)));

    List<Step> steps = UpgradeDiff.of(plan, record, Map.of(), null, Upgrade.Options.DEFAULT,
        s -> Optional.of("file:///cp/" + s.jobId() + "/chk-1"));

    assertThat(step(steps, "alerts").action()).isEqualTo(Action.RESUME);
    assertThat(step(steps, "alerts").before().savepoint()).isEqualTo("file:/sp/savepoint-1");
    assertThat(step(steps, "per-hundred").action()).as("cancelled: fresh from the committed offsets")
        .isEqualTo(Action.START);
  }
}
