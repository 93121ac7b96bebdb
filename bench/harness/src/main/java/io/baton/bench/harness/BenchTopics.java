package io.baton.bench.harness;

import io.baton.connectors.BatonHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The broker-side chores of the harness: one-partition topics, end offsets, a consumer group's committed offset,
 * and the digest of what a topic holds for {@code read_committed} readers.
 *
 * <pre>{@code
 * try (BenchTopics topics = new BenchTopics("127.0.0.1:9092")) {
 *   topics.create("bench.out.a1");
 *   ValueDigest copied = topics.digest("bench.out.a1");
 * }
 * }</pre>
 */
public final class BenchTopics implements AutoCloseable {
  private static final Duration CALL = Duration.ofSeconds(30);

  private final String bootstrapServers;
  private final Admin admin;

  public BenchTopics(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    this.admin = Admin.create(props);
  }

  /** Creates a topic of one partition (every side then runs at parallelism 1). */
  public void create(String topic) throws Exception {
    admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(CALL.toSeconds(), TimeUnit.SECONDS);
  }

  /** The end offset of partition 0 of {@code topic}. */
  public long endOffset(String topic) throws Exception {
    TopicPartition p = new TopicPartition(topic, 0);
    return admin.listOffsets(Map.of(p, OffsetSpec.latest())).partitionResult(p)
        .get(CALL.toSeconds(), TimeUnit.SECONDS).offset();
  }

  /** The offset {@code group} has committed on partition 0 of {@code topic}, or -1 if none yet. */
  public long committedOffset(String group, String topic) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata().get(CALL.toSeconds(), TimeUnit.SECONDS);
    OffsetAndMetadata committed = offsets.get(new TopicPartition(topic, 0));
    return committed == null ? -1 : committed.offset();
  }

  /** Waits until {@code group} has committed every record of {@code topic}'s partition 0 (up to {@code end}). */
  public void awaitCommitted(String group, String topic, long end, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (committedOffset(group, topic) < end) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("group " + group + " committed " + committedOffset(group, topic) + " of "
            + end + " offsets of " + topic + " within " + timeout);
      }
      Thread.sleep(20);
    }
  }

  /** The digest of every value {@code topic} holds now for a {@code read_committed} reader. */
  public ValueDigest digest(String topic) {
    ValueDigest[] digest = {ValueDigest.EMPTY};
    forEachValue(topic, value -> digest[0] = digest[0].plus(value));
    return digest[0];
  }

  /**
   * What a topic holds for a {@code read_committed} reader: the digest of its values, the headers' bytes (keys and
   * values) in all, and how many records carry the lineage header {@code baton.lineage}.
   */
  public record Contents(ValueDigest digest, long headerBytes, long withLineage) {
    public double meanHeaderBytes() {
      return digest.count() == 0 ? 0 : (double) headerBytes / digest.count();
    }
  }

  /** The {@link Contents} of {@code topic} now. */
  public Contents contents(String topic) {
    ValueDigest[] digest = {ValueDigest.EMPTY};
    long[] headerBytes = {0};
    long[] withLineage = {0};
    forEachRecord(topic, r -> {
      digest[0] = digest[0].plus(r.value());
      for (Header h : r.headers()) {
        headerBytes[0] += h.key().getBytes(StandardCharsets.UTF_8).length + (h.value() == null ? 0 : h.value().length);
      }
      withLineage[0] += r.headers().lastHeader(BatonHeaders.LINEAGE) == null ? 0 : 1;
    });
    return new Contents(digest[0], headerBytes[0], withLineage[0]);
  }

  /** Hands every value {@code topic} holds now for a {@code read_committed} reader to {@code action}, in offset order. */
  public void forEachValue(String topic, java.util.function.Consumer<byte[]> action) {
    forEachRecord(topic, r -> action.accept(r.value()));
  }

  /** Hands every record {@code topic} holds now for a {@code read_committed} reader to {@code action}, in offset order. */
  public void forEachRecord(String topic, java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> action) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-check-" + UUID.randomUUID());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, CALL).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("could not read " + topic + " to its end within 5 minutes");
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          action.accept(r);
        }
      }
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(10));
  }
}
