package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code baton plan} and {@code baton run} on the example job jar, without a running stack. */
class PlanCommandTest {

  @TempDir
  Path home;

  @Test
  void planPrintsTheSensorStoryDag() {
    CliRun plan = CliRun.of("plan", "sensor-story");
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out())
        .contains("sensors.readings → [readings] → sensor-story.readings")
        .contains("[per-minute] → [alerts] → sensors.alerts")
        .contains("batch      Batch.every(PT1M) keyedBy sensorId withGrace(PT10S)")
        .contains("1. readings", "2. per-minute", "3. alerts")
        .contains("sensor-story.per-minute.dead-letter  (dead-letter, written by per-minute)");
  }

  @Test
  void planOfTheNexmarkPipelinesShowsTheirWindows() {
    assertThat(CliRun.of("plan", "nexmark-hot-items").out())
        .contains("Batch.sliding(PT10S, PT2S) keyedBy auction");
    assertThat(CliRun.of("plan", "nexmark-highest-bid").out()).contains("Batch.every(PT10S)");
  }

  @Test
  void planAsJsonNamesEveryJob() {
    CliRun plan = CliRun.of("plan", "sensor-story", "--json");
    assertThat(plan.exitCode()).isZero();
    assertThat(plan.out()).contains("\"jobName\" : \"sensor-story/per-minute\"",
        "\"entryClass\" : \"io.baton.flink.job.StageJob\"");
  }

  @Test
  void unknownPipelineListsTheKnownOnes() {
    CliRun plan = CliRun.of("plan", "sensor-stroy");
    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.err().trim()).isEqualTo(
        "baton: no pipeline 'sensor-stroy' in baton-examples.jar; it has: sensor-story, nexmark-highest-bid, nexmark-hot-items");
  }

  @Test
  void missingJarSaysWhichFile() {
    CliRun plan = CliRun.of("plan", "sensor-story", "--jar", home.resolve("nope.jar").toString());
    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.err()).contains("baton: job jar " + home.resolve("nope.jar") + " does not exist");
  }

  @Test
  void runWithoutTheStackSaysHowToStartIt() {
    CliRun run = CliRun.of("run", "sensor-story", "--home", home.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("is not running; start the local stack with: ./baton up");
  }

  @Test
  void planNeedsAPipeline() {
    assertThat(CliRun.of("plan").exitCode()).isEqualTo(2);
  }
}
