package io.baton.connectors;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until no transaction is open on some topics, so a {@code read_committed} reader sees all
 * that was committed. A producer's commit returns before the broker has written the commit markers;
 * until it has, the last stable offset lags and a bounded reader starting right after an upstream
 * job finished would stop short. Settled means last stable offset = high watermark on every partition.
 *
 * <pre>{@code
 * try (SettledTopics settled = new SettledTopics("127.0.0.1:9092")) {
 *   settled.await(List.of("sensor-story.readings"), Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class SettledTopics implements AutoCloseable {
  private static final Duration PAUSE = Duration.ofMillis(50);

  private final Admin admin;

  public SettledTopics(String bootstrapServers) {
    this(KafkaClientConfig.of(bootstrapServers));
  }

  /** Waits on the brokers {@code kafka} connects to, with its client settings. */
  public SettledTopics(KafkaClientConfig kafka) {
    Properties props = kafka.asProperties();
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    this.admin = Admin.create(props);
  }

  /**
   * Returns once every partition of {@code topics} has no open transaction.
   *
   * @throws TimeoutException naming the partitions still open after {@code timeout}
   */
  public void await(Collection<String> topics, Duration timeout)
      throws TimeoutException, ExecutionException, InterruptedException {
    List<TopicPartition> partitions = partitions(topics);
    Instant deadline = Instant.now().plus(timeout);
    Map<TopicPartition, String> open = openPartitions(partitions);
    while (!open.isEmpty()) {
      if (Instant.now().isAfter(deadline)) {
        throw new TimeoutException("transactions still open after " + timeout + " on " + open
            + " (last stable offset < high watermark)");
      }
      Thread.sleep(PAUSE.toMillis());
      open = openPartitions(partitions);
    }
  }

  /** The end offset (high watermark) of every partition of {@code topics} now; once settled, all of it is committed. */
  public Map<TopicPartition, Long> endOffsets(Collection<String> topics)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<TopicPartition, Long> ends = new HashMap<>();
    latest(partitions(topics), IsolationLevel.READ_UNCOMMITTED).forEach((p, info) -> ends.put(p, info.offset()));
    return ends;
  }

  private List<TopicPartition> partitions(Collection<String> topics)
      throws ExecutionException, InterruptedException, TimeoutException {
    return admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
        .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
        .toList();
  }

  /** Partitions whose last stable offset lags the high watermark, each with both offsets. */
  private Map<TopicPartition, String> openPartitions(List<TopicPartition> partitions)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, ListOffsetsResultInfo> stable = latest(partitions, IsolationLevel.READ_COMMITTED);
    Map<TopicPartition, ListOffsetsResultInfo> high = latest(partitions, IsolationLevel.READ_UNCOMMITTED);
    Map<TopicPartition, String> open = new HashMap<>();
    for (TopicPartition p : partitions) {
      long lso = stable.get(p).offset();
      long hw = high.get(p).offset();
      if (lso < hw) {
        open.put(p, "stable " + lso + " < high " + hw);
      }
    }
    return open;
  }

  private Map<TopicPartition, ListOffsetsResultInfo> latest(List<TopicPartition> partitions, IsolationLevel level)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
    partitions.forEach(p -> specs.put(p, OffsetSpec.latest()));
    return admin.listOffsets(specs, new ListOffsetsOptions(level)).all().get();
  }

  @Override
  public void close() {
    admin.close();
  }
}
