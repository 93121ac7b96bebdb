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

  @Test
  void addedBrokersTakeTheTwoPortsAboveThePreviousBrokers() {
    Ports three = Ports.defaults().withBrokers(3);
    assertThat(three.brokers()).isEqualTo(3);
    assertThat(three.kafkaPorts()).containsExactly(9092, 9094, 9096);
    assertThat(three.kafkaControllerPorts()).containsExactly(9093, 9095, 9097);
    assertThat(three.kafka()).isEqualTo(9092);
    assertThat(three.kafkaController(3)).isEqualTo(9097);
  }

  @Test
  void everyBrokersPortsAreListedAfterTheFirstBrokersInStartOrder() {
    assertThat(Ports.defaults().withBrokers(3).byUse().keySet()).containsExactly("kafka", "kafka controller",
        "kafka-2", "kafka-2 controller", "kafka-3", "kafka-3 controller", "registry", "flink web UI/REST",
        "flink jobmanager rpc");
  }

  @Test
  void fewerBrokersDropTheLastOnesAndKeepTheFirst() {
    Ports three = Ports.defaults().withKafka(19092).withBrokers(3);
    assertThat(three.kafkaPorts()).containsExactly(19092, 19094, 19096);
    assertThat(three.withBrokers(1)).isEqualTo(Ports.defaults().withKafka(19092));
  }

  @Test
  void aBrokerPortThatClashesIsRefusedNamingTheBroker() {
    assertThatThrownBy(() -> Ports.defaults().withFlinkRest(9094).withBrokers(3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("flink web UI/REST port 9094 is also used by another component");
    assertThatThrownBy(() -> Ports.defaults().withBrokers(3).withKafka(2, 9093))
        .hasMessage("kafka-2 port 9093 is also used by another component");
  }

  @Test
  void aBrokerTheStackDoesNotHaveIsAnError() {
    assertThatThrownBy(() -> Ports.defaults().kafka(2))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("broker 2 does not exist: the stack has 1 broker");
    assertThatThrownBy(() -> Ports.defaults().withBrokers(0)).hasMessage("brokers must be 1..9 but was 0");
  }

  @Test
  void threeBrokersPrintAsTheExpressionThatBuildsThem() {
    Ports three = Ports.defaults().withBrokers(3);
    assertThat(three).hasToString("Ports.of(9092, 9093, 8085, 8081, 6123)"
        + ".withKafkaNodes(List.of(9092, 9094, 9096), List.of(9093, 9095, 9097))");
    assertThat(Ports.defaults().withKafkaNodes(three.kafkaPorts(), three.kafkaControllerPorts())).isEqualTo(three);
  }

  @Test
  void freeEphemeralPortsForThreeBrokersAreDistinctAndFree() {
    Ports p = Ports.freeEphemeral(3);
    assertThat(p.brokers()).isEqualTo(3);
    assertThat(p.byUse()).hasSize(9);
    assertThat(p.byUse().values()).doesNotHaveDuplicates().allMatch(PortCheck::isFree);
  }
}
