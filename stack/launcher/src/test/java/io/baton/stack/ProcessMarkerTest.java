package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ProcessMarkerTest {
  private final ProcessMarker kafka = ProcessMarker.of(Component.KAFKA, Path.of("/state/.baton"));

  @Test
  void matchesArgumentsWithBothMarkers() {
    assertThat(kafka.matches(List.of("java", "-Dbaton.component=kafka", "-Dbaton.home=/state/.baton", "kafka.Kafka")))
        .isTrue();
  }

  @Test
  void anotherComponentOrAnotherHomeIsNotOurs() {
    assertThat(kafka.matches(List.of("java", "-Dbaton.component=registry", "-Dbaton.home=/state/.baton"))).isFalse();
    assertThat(kafka.matches(List.of("java", "-Dbaton.component=kafka", "-Dbaton.home=/state/.baton2"))).isFalse();
    assertThat(kafka.matches(List.of("java", "-Dbaton.component=kafka-format", "-Dbaton.home=/state/.baton")))
        .isFalse();
  }

  @Test
  void thisTestJvmIsNotAStackServer() {
    assertThat(kafka.matches(ProcessHandle.current())).isFalse();
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void recognisesAProcessWhoseMarkersComeAfterMoreThanAPageOfArguments(@TempDir Path home) throws Exception {
    // JDK 17's ProcessHandle.Info cuts command lines at 4096 bytes; Flink's is long.
    List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "sleep 60; :", "sh"));
    cmd.add("--pad=" + "x".repeat(6000));
    ProcessMarker marker = ProcessMarker.of(Component.TASKMANAGER, home);
    cmd.addAll(marker.systemProperties().entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList());
    Process p = new ProcessBuilder(cmd).start();
    try {
      await("the marker of pid " + p.pid() + " is recognised").atMost(Duration.ofSeconds(10))
          .until(() -> marker.matches(p.toHandle()));
      assertThat(ProcessMarker.allMarkedWith(home)).extracting(ProcessHandle::pid).containsExactly(p.pid());
    } finally {
      p.destroyForcibly().waitFor();
    }
    assertThat(ProcessMarker.allMarkedWith(home)).isEmpty();
  }

  @Test
  void showsTheSystemProperties() {
    assertThat(kafka).hasToString("-Dbaton.component=kafka -Dbaton.home=/state/.baton");
  }
}
