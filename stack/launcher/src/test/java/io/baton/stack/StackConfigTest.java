package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StackConfigTest {
  @Test
  void homeDefaultsToDotBatonInTheRepo() {
    StackConfig c = StackConfig.builder().repo(Path.of("/repo")).build();
    assertThat(c.home()).isEqualTo(Path.of("/repo/.baton"));
    assertThat(c.layout().pidFile(Component.JOBMANAGER)).isEqualTo(Path.of("/repo/.baton/run/jobmanager.pid"));
    assertThat(c.layout().logFile(Component.KAFKA)).isEqualTo(Path.of("/repo/.baton/logs/kafka.log"));
    assertThat(c.kafkaLib()).isEqualTo(Path.of("/repo/stack/kafka-runtime/target/lib"));
  }

  @Test
  void everyProblemIsNamedInOneMessage() {
    assertThatThrownBy(() -> StackConfig.builder().taskSlots(0).stopTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("invalid StackConfig: repo(Path) was not called; taskSlots must be at least 1 but was 0; "
            + "stopTimeout must be positive but was PT0S");
  }
}
