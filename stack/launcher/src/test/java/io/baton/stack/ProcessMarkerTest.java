package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcessMarkerTest {
  private final ProcessMarker kafka = ProcessMarker.of(Component.KAFKA, Path.of("/state/.baton"));

  @Test
  void matchesACommandLineWithBothMarkers() {
    assertThat(kafka.matches("java -Dbaton.component=kafka -Dbaton.home=/state/.baton -cp x kafka.Kafka")).isTrue();
  }

  @Test
  void anotherComponentOrAnotherHomeIsNotOurs() {
    assertThat(kafka.matches("java -Dbaton.component=registry -Dbaton.home=/state/.baton -jar r.jar")).isFalse();
    assertThat(kafka.matches("java -Dbaton.component=kafka -Dbaton.home=/state/.baton2 -cp x kafka.Kafka")).isFalse();
    assertThat(kafka.matches("java -Dbaton.component=kafka-format -Dbaton.home=/state/.baton -cp x T")).isFalse();
  }

  @Test
  void thisTestJvmIsNotAStackServer() {
    assertThat(kafka.matches(ProcessHandle.current())).isFalse();
  }

  @Test
  void showsTheSystemProperties() {
    assertThat(kafka).hasToString("-Dbaton.component=kafka -Dbaton.home=/state/.baton");
  }
}
