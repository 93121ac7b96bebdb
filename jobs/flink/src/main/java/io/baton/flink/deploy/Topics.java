package io.baton.flink.deploy;

import io.baton.connectors.KafkaClientConfig;
import io.baton.flink.plan.PlannedTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the topics a plan writes, before any job starts (a Kafka source on a missing topic
 * fails and restarts forever). Topics that exist are left as they are. A topic gets the partitions
 * its stage declares, else the defaults' (else the broker's), and the defaults' replication factor
 * and configs (else the broker's), with the topic's own configs on top (the lineage topic is compacted).
 *
 * <pre>{@code
 * try (Topics topics = new Topics(target.kafka(), target.topics())) {
 *   topics.createMissing(plan.topics());
 * }
 * }</pre>
 */
public final class Topics implements AutoCloseable {
  private final Admin admin;
  private final TopicDefaults defaults;

  /** Topics on the brokers {@code kafka} connects to, created with {@code defaults}. */
  public Topics(KafkaClientConfig kafka, TopicDefaults defaults) {
    Properties props = kafka.asProperties();
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    this.admin = Admin.create(props);
    this.defaults = defaults;
  }

  /** Creates what is missing among {@code topics}; returns the names it created. */
  public List<String> createMissing(List<PlannedTopic> topics) throws ExecutionException, InterruptedException {
    Set<String> existing = admin.listTopics().names().get();
    List<NewTopic> missing = new ArrayList<>();
    for (PlannedTopic t : topics) {
      if (!existing.contains(t.name())) {
        missing.add(newTopic(t, defaults));
      }
    }
    if (!missing.isEmpty()) {
      admin.createTopics(missing).all().get();
    }
    return missing.stream().map(NewTopic::name).toList();
  }

  /** Creates one topic with {@code partitions} if it does not exist (e.g. an outside input topic in a demo). */
  public void ensure(String topic, int partitions) throws ExecutionException, InterruptedException {
    if (!admin.listTopics().names().get().contains(topic)) {
      NewTopic t = new NewTopic(topic, Optional.of(partitions), defaults.replicationFactor()).configs(defaults.configs());
      admin.createTopics(List.of(t)).all().get();
    }
  }

  /** {@code topic} as it is created: its stage's partitions win; empty partitions or replication factor: the broker's. */
  static NewTopic newTopic(PlannedTopic topic, TopicDefaults defaults) {
    Optional<Integer> partitions = topic.partitions() > 0 ? Optional.of(topic.partitions()) : defaults.partitions();
    Map<String, String> configs = new TreeMap<>(defaults.configs());
    configs.putAll(topic.configs());
    return new NewTopic(topic.name(), partitions, defaults.replicationFactor()).configs(configs);
  }

  @Override
  public void close() {
    admin.close();
  }
}
