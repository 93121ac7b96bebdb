package io.baton.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.stack.Component;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the TaskManager while readings stream through both stages, then a new TaskManager: Flink's
 * restart strategy (the default with checkpointing, exponential delay) restarts the same jobs from their latest
 * checkpoint once slots are back, and the final topic holds every reading exactly once.
 */
class TaskManagerKillIT {
  @TempDir
  Path home;

  @Test
  void aKilledTaskManagerIsReplacedAndTheSameJobsRecoverWithNothingLostOrWrittenTwice() throws Exception {
    Feeder.Plan plan = Feeder.Plan.fromSystemProperties();
    try (FaultStack stack = FaultStack.up(home)) {
      stack.run();
      Map<String, String> jobs = stack.runningJobs();
      try (Feeder feeder = stack.feed(plan)) {
        feeder.awaitAcked(plan.records() * 2L / 5, FaultStack.WAIT);
        stack.checker().awaitOut(feeder, 1, FaultStack.WAIT);

        Instant fault = stack.kill(Component.TASKMANAGER);
        stack.start(Component.TASKMANAGER);
        Duration recovery = stack.awaitRecovered(fault, FaultStack.WAIT);

        assertThat(stack.runningJobs()).as("restarted by Flink, not resubmitted").isEqualTo(jobs);
        for (String id : jobs.values()) {
          assertThat(stack.flink().get("jobs/" + id + "/checkpoints").path("latest").path("restored").path("id")
              .asLong(0)).as("job " + id + " restored a checkpoint").isPositive();
        }
        Counts counts = stack.checker().awaitComplete(feeder, Duration.ofMinutes(5));
        FaultReport.of("taskmanager kill -9", counts, recovery, feeder.achievedRate()).print();
        assertThat(counts.in()).isEqualTo(plan.records());
        assertThat(counts.missing()).as(counts.toString()).isZero();
        assertThat(counts.dup()).as(counts.toString()).isZero();
        assertThat(counts.misplaced()).as(counts.toString()).isZero();
        assertThat(counts.dead()).isEqualTo(plan.records() / plan.badEvery());
      }
    }
  }
}
