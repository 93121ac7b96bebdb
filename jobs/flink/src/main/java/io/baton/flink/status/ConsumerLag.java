package io.baton.flink.status;

import io.baton.connectors.KafkaClientConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group is behind the end of its topics: per topic, the committed records after the group's committed
 * offset (or after the log start where it has committed none: a stage then starts from the earliest offset) up to the
 * end (the last stable offset, what a {@code read_committed} reader can reach), summed over partitions.
 *
 * <p>Offsets alone overcount a transactional topic: its transaction markers take offsets too, and a Flink source
 * commits the offset after the last record it read, before the marker, so a group that read everything would lag 1.
 * Where a partition is behind by at most {@value #COUNTED} offsets, its records are counted by reading them
 * ({@code read_committed}); beyond that the offset difference is the lag.
 *
 * <pre>{@code
 * try (ConsumerLag lag = new ConsumerLag(kafka, Duration.ofSeconds(10))) {
 *   lag.of("baton.sensor-story.readings", List.of("sensors.readings"));   // {sensors.readings=0}
 * }
 * }</pre>
 */
public final class ConsumerLag implements AutoCloseable {
  static final long COUNTED = 10_000;

  private final KafkaClientConfig kafka;
  private final Admin admin;
  private final Duration timeout;

  public ConsumerLag(KafkaClientConfig kafka, Duration timeout) {
    Properties props = kafka.asProperties();
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    this.admin = Admin.create(props);
    this.kafka = kafka;
    this.timeout = timeout;
  }

  /** Records behind, by topic, of {@code group} on {@code topics}; a topic that does not exist is left out. */
  public Map<String, Long> of(String group, List<String> topics)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<String, TopicDescription> described = new HashMap<>();
    for (var entry : admin.describeTopics(topics).topicNameValues().entrySet()) {
      try {
        described.put(entry.getKey(), entry.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
          throw e;
        }
      }
    }
    List<TopicPartition> partitions = new ArrayList<>();
    described.values().forEach(d -> d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
    Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
    Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    Map<String, Long> lag = new LinkedHashMap<>();
    for (String topic : topics) {
      if (described.containsKey(topic)) {
        lag.put(topic, 0L);
      }
    }
    Map<TopicPartition, Long> froms = new HashMap<>();
    for (TopicPartition tp : partitions) {
      OffsetAndMetadata c = committed.get(tp);
      long from = c != null ? Math.max(c.offset(), starts.get(tp)) : starts.get(tp);
      long behind = Math.max(0, ends.get(tp) - from);
      if (behind > 0 && behind <= COUNTED) {
        froms.put(tp, from);
      } else {
        lag.merge(tp.topic(), behind, Long::sum);
      }
    }
    recordsBetween(froms, ends).forEach((tp, n) -> lag.merge(tp.topic(), n, Long::sum));
    return lag;
  }

  /** The committed records from each partition's offset in {@code froms} to its end; markers and aborted ones skipped. */
  private Map<TopicPartition, Long> recordsBetween(Map<TopicPartition, Long> froms, Map<TopicPartition, Long> ends) {
    Map<TopicPartition, Long> counts = new HashMap<>();
    if (froms.isEmpty()) {
      return counts;
    }
    Properties props = kafka.asProperties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      consumer.assign(froms.keySet());
      froms.forEach(consumer::seek);
      froms.keySet().forEach(tp -> counts.put(tp, 0L));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (froms.keySet().stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp)) && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          TopicPartition tp = new TopicPartition(r.topic(), r.partition());
          if (r.offset() < ends.get(tp)) {
            counts.merge(tp, 1L, Long::sum);
          }
        }
      }
      // Not read within the timeout: the offsets left count as records.
      froms.keySet().forEach(tp -> counts.merge(tp, Math.max(0, ends.get(tp) - consumer.position(tp)), Long::sum));
    }
    return counts;
  }

  private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, spec));
    Map<TopicPartition, Long> result = new HashMap<>();
    admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS).forEach((tp, info) -> result.put(tp, info.offset()));
    return result;
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
