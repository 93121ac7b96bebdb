package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code baton reset}: what it says before it can reach Kafka. */
class ResetCommandTest {
  @TempDir
  Path home;

  @Test
  void withoutKafkaResetSaysHowToStartIt() {
    CliRun run = CliRun.of("reset", "sensor-story", "--yes", "--home", home.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().trim()).isEqualTo("baton: kafka is not running; start the local stack with: ./baton up");
  }

  @Test
  void theRootUsageListsReset() {
    assertThat(CliRun.of().err()).contains("reset", "Delete a pipeline's handoff, output and dead-letter topics");
  }
}
