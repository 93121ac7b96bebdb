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
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group is behind the end of its topics: per topic, the sum over its partitions of the end offset
 * (the last stable offset, what a {@code read_committed} reader can reach) minus the group's committed offset, or minus
 * the log start where the group has committed nothing (a stage then starts from the earliest offset).
 *
 * <pre>{@code
 * try (ConsumerLag lag = new ConsumerLag(kafka, Duration.ofSeconds(10))) {
 *   lag.of("baton.sensor-story.readings", List.of("sensors.readings"));   // {sensors.readings=0}
 * }
 * }</pre>
 */
public final class ConsumerLag implements AutoCloseable {
  private final Admin admin;
  private final Duration timeout;

  public ConsumerLag(KafkaClientConfig kafka, Duration timeout) {
    Properties props = kafka.asProperties();
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    this.admin = Admin.create(props);
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
    for (TopicPartition tp : partitions) {
      OffsetAndMetadata c = committed.get(tp);
      long from = c != null ? Math.max(c.offset(), starts.get(tp)) : starts.get(tp);
      lag.merge(tp.topic(), Math.max(0, ends.get(tp) - from), Long::sum);
    }
    return lag;
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
