package io.baton.connectors;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads what a topic holds now, as {@code read_committed} readers see it: every committed record
 * from the start to the current end, outside any Flink job (tools, demos, tests). Commits nothing.
 *
 * <pre>{@code
 * try (TopicReader reader = new TopicReader("127.0.0.1:9092")) {
 *   List<KafkaRecord> letters = reader.readCommitted("sensor-story.readings.dead-letter");
 * }
 * }</pre>
 */
public final class TopicReader implements AutoCloseable {
  private static final Duration MAX_READ = Duration.ofSeconds(60);

  private final KafkaConsumer<byte[], byte[]> consumer;

  public TopicReader(String bootstrapServers) {
    this(KafkaClientConfig.of(bootstrapServers));
  }

  /** Reads from the brokers {@code kafka} connects to, with its client settings. */
  public TopicReader(KafkaClientConfig kafka) {
    Properties props = kafka.asProperties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "baton-reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** Every committed record of {@code topic} now, partition by partition in offset order; empty if it does not exist. */
  public List<KafkaRecord> readCommitted(String topic) {
    var info = consumer.partitionsFor(topic, Duration.ofSeconds(10));
    List<KafkaRecord> records = new ArrayList<>();
    if (info == null || info.isEmpty()) {
      return records;
    }
    List<TopicPartition> partitions = info.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    Instant deadline = Instant.now().plus(MAX_READ);
    while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("could not read " + topic + " to its end within " + MAX_READ);
      }
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
        records.add(KafkaRecord.from(r));
      }
    }
    consumer.unsubscribe();
    return records;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
