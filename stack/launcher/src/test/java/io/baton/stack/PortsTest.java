package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PortsTest {
  @Test
  void defaultsAreTheUsualLocalPorts() {
    assertThat(Ports.defaults().byUse()).containsExactly(
        org.assertj.core.api.Assertions.entry("kafka", 9092),
        org.assertj.core.api.Assertions.entry("kafka controller", 9093),
        org.assertj.core.api.Assertions.entry("registry", 8085),
        org.assertj.core.api.Assertions.entry("flink web UI/REST", 8081),
        org.assertj.core.api.Assertions.entry("flink jobmanager rpc", 6123));
  }

  @Test
  void allProblemsAreReportedTogether() {
    assertThatThrownBy(() -> Ports.of(0, 9093, 9093, 70000, 6123))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("kafka port must be in 1..65535 but was 0; registry port 9093 is also used by another component; "
            + "flink web UI/REST port must be in 1..65535 but was 70000");
  }

  @Test
  void withChangesOnePortOnly() {
    assertThat(Ports.defaults().withKafka(19092)).isEqualTo(Ports.of(19092, 9093, 8085, 8081, 6123));
    assertThat(Ports.defaults().withKafka(19092).toString()).isEqualTo("Ports.of(19092, 9093, 8085, 8081, 6123)");
  }

  @Test
  void freeEphemeralPortsAreDistinctAndFree() {
    Ports p = Ports.freeEphemeral();
    assertThat(p.byUse().values()).doesNotHaveDuplicates().allMatch(PortCheck::isFree);
  }
}
