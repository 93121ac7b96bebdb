package io.baton.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.cli.CliRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baton down} while readings stream through both stages, {@code baton up}, {@code baton run faults} again, all
 * through the CLI as a user types them: the stages resume from their latest retained checkpoints (the batches stage
 * with its open batches), and the final topic holds every reading exactly once.
 */
class DownUpResumeIT {
  @TempDir
  Path home;

  @Test
  void downUpAndRunAgainResumesEachStageFromItsLatestCheckpointWithNothingLostOrWrittenTwice() throws Exception {
    Feeder.Plan plan = Feeder.Plan.fromSystemProperties();
    try (FaultStack stack = FaultStack.up(home)) {
      stack.run();
      try (Feeder feeder = stack.feed(plan)) {
        feeder.awaitAcked(plan.records() * 2L / 5, FaultStack.WAIT);
        stack.checker().awaitOut(feeder, 1, FaultStack.WAIT);

        Instant fault = Instant.now();
        CliRun down = stack.baton("down");
        assertThat(down.exitCode()).as(down.err()).isZero();
        System.out.println(down.out().trim());   // how long down took, part of the recovery time
        stack.up();
        CliRun run = stack.baton("run", FaultPipeline.NAME, "--jar", stack.jar().toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        Duration recovery = stack.awaitRecovered(fault, FaultStack.WAIT);

        Counts counts = stack.checker().awaitComplete(feeder, Duration.ofMinutes(5));
        FaultReport.of("baton down, up, run", counts, recovery, feeder.achievedRate()).print();
        assertThat(counts.in()).isEqualTo(plan.records());
        assertThat(counts.missing()).as(counts.toString()).isZero();
        assertThat(counts.dup()).as(counts.toString()).isZero();
        assertThat(counts.misplaced()).as(counts.toString()).isZero();
        assertThat(counts.dead()).isEqualTo(plan.records() / plan.badEvery());
        assertThat(run.out()).as("each stage resumed from a retained checkpoint")
            .containsPattern("started faults/accept \\(\\w+\\) from file:\\S+/chk-\\d+")
            .containsPattern("started faults/batches \\(\\w+\\) from file:\\S+/chk-\\d+");
      }
    }
  }
}
