package io.baton.cli;

import io.baton.connectors.KafkaClientConfig;
import io.baton.connectors.DeadLetterRecord;
import io.baton.connectors.Header;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Re-sends dead letters to the topic they were rejected from, through an idempotent producer: the
 * original key, value and headers (without the dead-letter headers), plus {@code baton.replay.of}
 * (the letter's {@code topic:partition:offset}) and {@code baton.replay.time}. A letter goes back to
 * the partition it came from when that partition still exists.
 *
 * <pre>{@code
 * try (LetterSender sender = LetterSender.connect("127.0.0.1:9092")) {
 *   sender.send(selection.toSend(), Instant.now());
 * }
 * }</pre>
 */
final class LetterSender implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final Map<String, Integer> partitions = new HashMap<>();

  private LetterSender(KafkaProducer<byte[], byte[]> producer) {
    this.producer = producer;
  }

  static LetterSender connect(String bootstrapServers) {
    return connect(KafkaClientConfig.of(bootstrapServers));
  }

  /** A sender to where {@code kafka} connects, with its client settings (its {@code client.id} wins). */
  static LetterSender connect(KafkaClientConfig kafka) {
    Properties props = kafka.asProperties();
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "baton-replay");
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
    return new LetterSender(new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer()));
  }

  /** The record a replay of {@code letter} sends (its headers in order, the replay headers last). */
  static ProducerRecord<byte[], byte[]> replayOf(DeadLetterRecord letter, Integer partition, Instant at) {
    List<org.apache.kafka.common.header.Header> headers = new ArrayList<>();
    for (Header h : letter.replayHeaders(at)) {
      headers.add(new RecordHeader(h.key(), h.value()));
    }
    String topic = letter.sourceTopic().orElseThrow(() -> new IllegalArgumentException(letter + " has no source topic"));
    return new ProducerRecord<>(topic, partition, null, letter.record().key(), letter.record().value(), headers);
  }

  /** Sends every letter, flushes, and waits for each acknowledgement; fails naming how many were not written. */
  void send(List<DeadLetterRecord> letters, Instant at) throws InterruptedException {
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    for (DeadLetterRecord l : letters) {
      acks.add(producer.send(replayOf(l, partitionFor(l), at)));
    }
    producer.flush();
    int failed = 0;
    Exception first = null;
    for (Future<RecordMetadata> ack : acks) {
      try {
        ack.get();
      } catch (ExecutionException e) {
        failed++;
        first = first == null ? (Exception) e.getCause() : first;
      }
    }
    if (failed > 0) {
      throw new CliException(failed + " of " + letters.size() + " dead letters could not be re-sent (the others were): "
          + first.getMessage(), first);
    }
  }

  /** The partition the letter was read from, or null (let the key decide) when the topic no longer has it. */
  private Integer partitionFor(DeadLetterRecord letter) {
    String topic = letter.sourceTopic().orElseThrow();
    int count = partitions.computeIfAbsent(topic, t -> producer.partitionsFor(t).size());
    return letter.sourcePartition().stream().boxed().filter(p -> p < count).findFirst().orElse(null);
  }

  @Override
  public void close() {
    producer.close(java.time.Duration.ofSeconds(10));
  }
}
