package io.baton.stack.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EndEventTest {
  @Test
  void theRunIdIsTheFlinkJobIdReadAsAUuid() {
    assertThat(EndEvent.runId("0123456789abcdef0011223344556677"))
        .isEqualTo(UUID.fromString("01234567-89ab-cdef-0011-223344556677"));
  }

  @Test
  void onlyPipelineSlashStageNamesAreStageJobs() {
    assertThat(EndEvent.isStageJob("sensor-story/per-minute")).isTrue();
    assertThat(EndEvent.isStageJob("Flink Streaming Job")).isFalse();
    assertThat(EndEvent.isStageJob("a/b/c")).isFalse();
    assertThat(EndEvent.isStageJob(null)).isFalse();
  }

  @Test
  void anEventOfAnotherJobIsRefusedWithItsName() {
    assertThatThrownBy(() -> EndEvent.of("ABORT", "baton", "my job", "0123456789abcdef0011223344556677", Instant.EPOCH, null))
        .hasMessage("not a Baton stage job name (<pipeline>/<stage>): 'my job'");
  }

  @Test
  void theJsonIsOneLineEvenWithAMultiLineError() {
    String json = EndEvent.of("FAIL", "baton", "p/s", "0123456789abcdef0011223344556677", Instant.EPOCH,
        new IllegalStateException("two\nlines")).json();

    assertThat(json).doesNotContain("\n").contains("\"message\":\"java.lang.IllegalStateException: two\\nlines\"");
  }
}
