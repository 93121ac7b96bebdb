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
 * The single-broker stack loses its only broker ({@code kill -9}) while readings stream through both stages, and gets
 * it back {@value #DOWN_SECONDS} s later on the same data: the feeder's idempotent producer retries through the gap,
 * the stage jobs wait for Kafka (or fail, and Flink restarts them from their latest checkpoints: the test prints how
 * often), checkpoint again once it answers, and the final topic holds every reading exactly once.
 */
class BrokerRestartIT {
  static final int DOWN_SECONDS = 15;

  @TempDir
  Path home;

  @Test
  void aKilledSingleBrokerStartedAgainLosesNothingAndTheJobsRecover() throws Exception {
    Feeder.Plan plan = Feeder.Plan.fromSystemProperties();
    try (FaultStack stack = FaultStack.up(home)) {
      stack.run();
      Map<String, String> jobs = stack.runningJobs();
      try (Feeder feeder = stack.feed(plan)) {
        feeder.awaitAcked(plan.records() * 2L / 5, FaultStack.WAIT);
        stack.checker().awaitOut(feeder, 1, FaultStack.WAIT);

        Instant fault = stack.kill(Component.KAFKA);
        Thread.sleep(Duration.ofSeconds(DOWN_SECONDS).toMillis()); // the outage itself: nothing to await
        stack.start(Component.KAFKA);
        Duration recovery = stack.awaitRecovered(fault, FaultStack.WAIT);
        System.out.println("stage job failures: " + BrokerKillIT.restarts(stack, jobs));

        Counts counts = stack.checker().awaitComplete(feeder, Duration.ofMinutes(5));
        FaultReport.of("kafka single broker kill -9, started again after " + DOWN_SECONDS + " s", counts, recovery,
            feeder.achievedRate()).print();
        assertThat(counts.in()).isEqualTo(plan.records());
        assertThat(counts.missing()).as(counts.toString()).isZero();
        assertThat(counts.dup()).as(counts.toString()).isZero();
        assertThat(counts.misplaced()).as(counts.toString()).isZero();
        assertThat(counts.dead()).isEqualTo(plan.records() / plan.badEvery());
        assertThat(stack.runningJobs()).as("restarted by Flink, not resubmitted").isEqualTo(jobs);
      }
    }
  }
}
