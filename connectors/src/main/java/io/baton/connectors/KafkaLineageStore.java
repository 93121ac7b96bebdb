package io.baton.connectors;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A {@link LineageStore} over Kafka: reads the pointer's one partition of the lineage topic as {@code read_committed}
 * readers see it, from its first offset until every chunk is found (a lineage record is committed with its output,
 * so it sits below the output's transaction end). Commits nothing.
 *
 * <pre>{@code
 * try (KafkaLineageStore store = KafkaLineageStore.of(KafkaClientConfig.of("127.0.0.1:9092"))) {
 *   byte[] exact = store.read(pointer);
 * }
 * }</pre>
 */
public final class KafkaLineageStore implements LineageStore, AutoCloseable {
  private static final Duration MAX_READ = Duration.ofSeconds(60);

  private final Consumer<byte[], byte[]> consumer;

  private KafkaLineageStore(Consumer<byte[], byte[]> consumer) {
    this.consumer = consumer;
  }

  /** A store reading with {@code consumer} ({@code read_committed}; it assigns and seeks it), which it closes. */
  public static KafkaLineageStore over(Consumer<byte[], byte[]> consumer) {
    return new KafkaLineageStore(consumer);
  }

  /** A store reading with {@code kafka}'s servers and client settings. */
  public static KafkaLineageStore of(KafkaClientConfig kafka) {
    Properties props = kafka.asProperties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "baton-lineage-reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaLineageStore(new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
  }

  @Override
  public byte[] read(LineagePointer pointer) {
    Map<String, Integer> wanted = new HashMap<>();
    for (int i = 0; i < pointer.chunks(); i++) {
      wanted.put(new String(pointer.chunkKey(i), UTF_8), i);
    }
    byte[][] chunks = new byte[pointer.chunks()][];
    TopicPartition tp = new TopicPartition(pointer.topic(), pointer.partition());
    consumer.assign(List.of(tp));
    consumer.seekToBeginning(List.of(tp));
    long end = consumer.endOffsets(List.of(tp)).get(tp);
    Instant deadline = Instant.now().plus(MAX_READ);
    int found = 0;
    try {
      while (found < chunks.length && consumer.position(tp) < end) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalArgumentException("could not read " + tp + " within " + MAX_READ.toSeconds() + " s");
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          Integer i = r.key() == null ? null : wanted.get(new String(r.key(), UTF_8));
          if (i != null && r.value() != null) {
            found += chunks[i] == null ? 1 : 0;
            chunks[i] = r.value();
          }
        }
      }
    } finally {
      consumer.unsubscribe();
    }
    if (found < chunks.length) {
      throw new IllegalArgumentException("the lineage topic " + tp + " holds " + found + " of the " + chunks.length
          + " records of " + pointer.key() + " (not committed, or removed)");
    }
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    Arrays.stream(chunks).forEach(joined::writeBytes);
    return joined.toByteArray();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
