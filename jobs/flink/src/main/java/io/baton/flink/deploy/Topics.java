package io.baton.flink.deploy;

import io.baton.flink.plan.PlannedTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the topics a plan writes, before any job starts (a Kafka source on a missing topic
 * fails and restarts forever). Topics that exist are left as they are.
 */
public final class Topics implements AutoCloseable {
  private final Admin admin;
  private final int defaultPartitions;

  public Topics(String bootstrapServers, int defaultPartitions) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    this.admin = Admin.create(props);
    this.defaultPartitions = defaultPartitions;
  }

  /** Creates what is missing among {@code topics}; returns the names it created. */
  public List<String> createMissing(List<PlannedTopic> topics) throws ExecutionException, InterruptedException {
    Set<String> existing = admin.listTopics().names().get();
    List<NewTopic> missing = new ArrayList<>();
    for (PlannedTopic t : topics) {
      if (!existing.contains(t.name())) {
        missing.add(new NewTopic(t.name(), t.partitions() > 0 ? t.partitions() : defaultPartitions, (short) 1));
      }
    }
    if (!missing.isEmpty()) {
      admin.createTopics(missing).all().get();
    }
    return missing.stream().map(NewTopic::name).toList();
  }

  /** Creates one topic if it does not exist (e.g. an outside input topic in a demo). */
  public void ensure(String topic, int partitions) throws ExecutionException, InterruptedException {
    if (!admin.listTopics().names().get().contains(topic)) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
