package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code baton feed}'s command line, without a stack. */
class FeedCommandTest {
  @TempDir
  Path home;

  @Test
  void unknownGeneratorIsAUsageErrorListingTheKnownOnes() {
    CliRun run = CliRun.of("feed", "tweets", "--home", home.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Invalid value for positional parameter at index 0 (<generator>): "
        + "expected one of [nexmark] (case-sensitive) but was 'tweets'");
  }

  @Test
  void helpListsTheRegisteredFeeds() {
    CliRun run = CliRun.of("feed", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("What to generate: nexmark.");
  }

  @Test
  void nonPositiveEventCountIsAUsageError() {
    CliRun run = CliRun.of("feed", "nexmark", "--events", "0", "--home", home.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--events and --events-per-second must be positive, got 0 and 1000");
  }

  @Test
  void feedingAStoppedStackSaysHowToStartIt() {
    CliRun run = CliRun.of("feed", "nexmark", "--home", home.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("is not running; start the local stack with: ./baton up");
  }
}
