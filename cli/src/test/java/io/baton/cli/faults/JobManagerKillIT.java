package io.baton.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.cli.CliRun;
import io.baton.stack.Component;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the JobManager while readings stream through both stages. The local stack runs without
 * high availability, so the new JobManager knows no jobs; the TaskManager, Kafka, the registry and the retained
 * checkpoints survive. {@code baton run faults} then starts each stage from its old job's latest retained checkpoint,
 * and the final topic holds every reading exactly once.
 */
class JobManagerKillIT {
  @TempDir
  Path home;

  @Test
  void afterAKilledJobManagerRunResumesEachStageFromItsLatestRetainedCheckpointWithNothingLostOrWrittenTwice()
      throws Exception {
    Feeder.Plan plan = Feeder.Plan.fromSystemProperties();
    try (FaultStack stack = FaultStack.up(home)) {
      stack.run();
      Map<String, String> before = stack.runningJobs();
      long taskManager = stack.pid(Component.TASKMANAGER);
      try (Feeder feeder = stack.feed(plan)) {
        feeder.awaitAcked(plan.records() * 2L / 5, FaultStack.WAIT);
        stack.checker().awaitOut(feeder, 1, FaultStack.WAIT);

        Instant fault = stack.kill(Component.JOBMANAGER);
        stack.start(Component.JOBMANAGER);
        assertThat(stack.runningJobs()).as("without high availability the new JobManager knows no jobs").isEmpty();
        CliRun run = stack.baton("run", FaultPipeline.NAME, "--jar", stack.jar().toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        Duration recovery = stack.awaitRecovered(fault, FaultStack.WAIT);

        Counts counts = stack.checker().awaitComplete(feeder, Duration.ofMinutes(5));
        FaultReport.of("jobmanager kill -9, start, run", counts, recovery, feeder.achievedRate()).print();
        assertThat(stack.pid(Component.TASKMANAGER)).as("the TaskManager survived").isEqualTo(taskManager);
        assertThat(run.out()).as(run.out())
            .contains("started faults/accept (").contains("started faults/batches (")
            .containsPattern("started faults/accept \\(\\w+\\) from file:\\S+/" + before.get("accept") + "/chk-\\d+")
            .containsPattern("started faults/batches \\(\\w+\\) from file:\\S+/" + before.get("batches") + "/chk-\\d+");
        assertThat(counts.in()).isEqualTo(plan.records());
        assertThat(counts.missing()).as(counts.toString()).isZero();
        assertThat(counts.dup()).as(counts.toString()).isZero();
        assertThat(counts.misplaced()).as(counts.toString()).isZero();
        assertThat(counts.dead()).isEqualTo(plan.records() / plan.badEvery());
      }
    }
  }
}
