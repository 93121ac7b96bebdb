package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {
  @TempDir
  Path home;

  @Test
  void pipelineOptionsWithoutAPipelineAreOneClearLine() {
    CliRun run = CliRun.at(home, "status", "--json");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.err()).isEqualTo("baton: --json, --watch and --jar need a pipeline: baton status <pipeline> --json\n");
  }

  @Test
  void aWrongWatchIntervalFailsBeforeAnyServerIsAsked() {
    CliRun run = CliRun.at(home, "status", "sensor-story", "--watch", "soon");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.err()).isEqualTo("baton: --watch interval must look like 500ms, 2s or 1m, got 'soon'\n");
  }

  @Test
  void watchIntervalsReadLikeDurations() {
    assertThat(WatchInterval.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(WatchInterval.parse("5s")).isEqualTo(Duration.ofSeconds(5));
    assertThat(WatchInterval.parse("1m")).isEqualTo(Duration.ofMinutes(1));
    assertThat(WatchInterval.parse("3")).isEqualTo(Duration.ofSeconds(3));
    assertThatThrownBy(() -> WatchInterval.parse("10ms")).hasMessage("--watch interval must be at least 100ms, got '10ms'");
  }

  @Test
  void aClusterThatDoesNotAnswerIsOneLineNamingIt() throws Exception {
    Path file = home.resolve("config.yaml");
    Files.writeString(file, """
        contexts:
          gone:
            flink: {rest: "http://127.0.0.1:1"}
            kafka: {bootstrap: "127.0.0.1:1"}
            registry: {url: "http://127.0.0.1:1/apis/ccompat/v7"}
        """);
    TestContextsFile.use(file);
    try {
      for (CliRun run : List.of(CliRun.at(home, "list", "--context", "gone"),
          CliRun.at(home, "status", "sensor-story", "--context", "gone"))) {
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).startsWith("baton: Flink REST API at http://127.0.0.1:1/ did not answer (GET jobs/overview)");
        assertThat(run.err().lines()).hasSize(1);
      }
    } finally {
      TestContextsFile.restore();
    }
  }

  @Test
  void aPipelineOnAStackThatIsDownSaysHowToStartIt() {
    CliRun run = CliRun.at(home, "status", "sensor-story");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.err()).endsWith("is not running; start the local stack with: ./baton up\n");
  }
}
