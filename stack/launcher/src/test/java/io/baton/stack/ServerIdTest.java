package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerIdTest {
  @Test
  void theFirstServerOfAComponentIsNamedLikeIt() {
    assertThat(ServerId.of(Component.JOBMANAGER).id()).isEqualTo("jobmanager");
    assertThat(ServerId.kafka(1)).isEqualTo(ServerId.of(Component.KAFKA)).hasToString("kafka");
  }

  @Test
  void laterBrokersCarryTheirNumber() {
    assertThat(ServerId.kafka(3).id()).isEqualTo("kafka-3");
    assertThat(ServerId.kafka(3).description()).isEqualTo("Kafka broker 3");
  }

  @Test
  void namesReadBack() {
    assertThat(ServerId.byId("kafka-2")).isEqualTo(ServerId.kafka(2));
    assertThat(ServerId.byId("Registry")).isEqualTo(ServerId.of(Component.REGISTRY));
  }

  @Test
  void onlyKafkaIsNumbered() {
    assertThatThrownBy(() -> ServerId.byId("registry-2")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown server 'registry-2'; only Kafka brokers are numbered (kafka-2)");
    assertThatThrownBy(() -> new ServerId(Component.TASKMANAGER, 2))
        .hasMessage("only Kafka has servers numbered above 1; taskmanager node 2");
    assertThatThrownBy(() -> ServerId.byId("zookeeper")).hasMessageStartingWith("unknown component 'zookeeper'");
  }
}
