package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code baton dead-letters} and {@code baton replay}: command-line errors, found before any stack is needed. */
class DeadLetterCommandsTest {
  @TempDir
  Path home;

  @Test
  void replayWithoutAStagePrintsUsageAndExitsTwo() {
    CliRun run = CliRun.of("replay", "sensor-story", "--home", home.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required option: '--stage=<stage>'").contains("Usage: baton replay");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void deadLettersOfAnUnknownPipelineListsTheKnownOnes() {
    CliRun run = CliRun.of("dead-letters", "sensor-stroy", "--home", home.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().trim()).isEqualTo("baton: no pipeline 'sensor-stroy' in baton-examples.jar; it has: "
        + "sensor-story, nexmark-highest-bid, nexmark-hot-items");
  }

  @Test
  void replayOfAnUnknownPipelineListsTheKnownOnes() {
    CliRun run = CliRun.of("replay", "sensor-stroy", "--stage", "readings", "--home", home.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("baton: no pipeline 'sensor-stroy' in baton-examples.jar; it has: sensor-story");
  }

  @Test
  void anUnknownStageListsTheStages() {
    String expected = "baton: pipeline sensor-story has no stage 'reading'; its stages are: readings, per-minute, alerts";
    CliRun list = CliRun.of("dead-letters", "sensor-story", "--stage", "reading", "--home", home.toString());
    assertThat(list.exitCode()).isEqualTo(1);
    assertThat(list.err().trim()).isEqualTo(expected);
    CliRun replay = CliRun.of("replay", "sensor-story", "--stage", "reading", "--home", home.toString());
    assertThat(replay.exitCode()).isEqualTo(1);
    assertThat(replay.err().trim()).isEqualTo(expected);
  }

  @Test
  void anUnknownReasonIsAUsageErrorNamingTheKnownOnes() {
    CliRun run = CliRun.of("dead-letters", "sensor-story", "--reason", "malformd");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown reason 'malformd'; expected one of malformed, schema, too-large, throttled, "
        + "late, rule or rule:<name>").contains("Usage: baton dead-letters");
  }

  @Test
  void aLimitBelowOneIsAUsageError() {
    CliRun run = CliRun.of("dead-letters", "sensor-story", "--limit", "0", "--home", home.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--limit must be at least 1 but was 0").contains("Usage: baton dead-letters");
  }

  @Test
  void withoutTheStackBothSayHowToStartIt() {
    CliRun list = CliRun.of("dead-letters", "sensor-story", "--home", home.toString());
    assertThat(list.exitCode()).isEqualTo(1);
    assertThat(list.err()).startsWith("baton: ").contains("is not running; start the local stack with: ./baton up");
    CliRun replay = CliRun.of("replay", "sensor-story", "--stage", "readings", "--dry-run", "--home", home.toString());
    assertThat(replay.exitCode()).isEqualTo(1);
    assertThat(replay.err()).contains("is not running; start the local stack with: ./baton up");
  }

  @Test
  void theRootUsageListsBothCommands() {
    CliRun run = CliRun.of();
    assertThat(run.err()).contains("dead-letters", "List what a pipeline's stages rejected, and why.")
        .contains("replay", "Re-send a stage's dead letters to its input topic, once each.");
  }
}
