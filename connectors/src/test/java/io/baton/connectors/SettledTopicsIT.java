package io.baton.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Waiting for open transactions to end, on a real KRaft broker. */
class SettledTopicsIT {
  private static KafkaTestCluster kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = KafkaTestCluster.start();
    kafka.createTopics(2, "settle.open", "settle.plain");
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }

  @Test
  void openTransactionIsNamedUntilCommitted() throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = kafka.transactionalProducer("settle-test");
         SettledTopics settled = new SettledTopics(kafka.bootstrapServers())) {
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("settle.open", 1, null, new byte[] {1})).get();

      assertThatThrownBy(() -> settled.await(List.of("settle.open"), Duration.ofMillis(300)))
          .isInstanceOf(TimeoutException.class)
          .hasMessageContaining("settle.open-1")
          .hasMessageContaining("stable 0 < high 1");

      producer.commitTransaction();
      settled.await(List.of("settle.open"), Duration.ofSeconds(30));
      assertThat(kafka.readCommitted("settle.open")).hasSize(1);
    }
  }

  @Test
  void topicsWithoutTransactionsAreSettled() throws Exception {
    // Plain (non-transactional) writes never hold the last stable offset back.
    try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      producer.send(new ProducerRecord<>("settle.plain", 0, null, new byte[] {1})).get();
      producer.send(new ProducerRecord<>("settle.plain", 1, null, new byte[] {2})).get();
    }
    try (SettledTopics settled = new SettledTopics(kafka.bootstrapServers())) {
      assertThatCode(() -> settled.await(List.of("settle.plain"), Duration.ofMillis(300))).doesNotThrowAnyException();
    }
    assertThat(kafka.readCommitted("settle.plain")).hasSize(2);
  }
}
