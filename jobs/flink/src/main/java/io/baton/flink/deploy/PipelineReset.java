package io.baton.flink.deploy;

import io.baton.connectors.KafkaClientConfig;
import io.baton.api.internal.ResourceNames;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import io.baton.flink.plan.PlannedTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;

/**
 * Deletes what runs of a pipeline left in Kafka: the topics its stages write (handoff, output and dead-letter
 * topics, as the plan marks them) and its stages' consumer groups. Outside input topics, which sources read and
 * others write, are kept, and so are the registry's subjects. A later run creates the topics again.
 *
 * <pre>{@code
 * try (PipelineReset reset = new PipelineReset("127.0.0.1:9092")) {
 *   PipelineReset.Scope scope = reset.scope(plan);   // what exists now
 *   reset.delete(scope, Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class PipelineReset implements AutoCloseable {
  private static final Duration PAUSE = Duration.ofMillis(100);

  private final Admin admin;

  /**
   * What a reset deletes, of what exists now.
   *
   * @param pipeline the pipeline
   * @param topics its handoff, output and dead-letter topics that exist
   * @param consumerGroups its stages' consumer groups that exist
   * @param keptInputs the outside input topics it reads, which a reset keeps
   */
  public record Scope(String pipeline, List<PlannedTopic> topics, List<String> consumerGroups, List<String> keptInputs) {
    public Scope {
      topics = List.copyOf(topics);
      consumerGroups = List.copyOf(consumerGroups);
      keptInputs = List.copyOf(keptInputs);
    }

    public boolean isEmpty() {
      return topics.isEmpty() && consumerGroups.isEmpty();
    }
  }

  public PipelineReset(String bootstrapServers) {
    this(KafkaClientConfig.of(bootstrapServers));
  }

  /** Resets on the brokers {@code kafka} connects to, with its client settings. */
  public PipelineReset(KafkaClientConfig kafka) {
    Properties props = kafka.asProperties();
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    this.admin = Admin.create(props);
  }

  /** What a reset of {@code plan} would delete now. */
  public Scope scope(Plan plan) throws ExecutionException, InterruptedException, TimeoutException {
    Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
    List<PlannedTopic> topics = plan.topics().stream().filter(PlannedTopic::created)
        .filter(t -> existing.contains(t.name())).toList();
    Set<String> groups = new HashSet<>();
    admin.listGroups().all().get(30, TimeUnit.SECONDS).stream().map(GroupListing::groupId).forEach(groups::add);
    List<String> ours = new ArrayList<>();
    for (PlannedStage stage : plan.stages()) {
      String group = ResourceNames.consumerGroup(plan.pipeline(), stage.name());
      if (groups.contains(group)) {
        ours.add(group);
      }
    }
    List<String> inputs = plan.topics().stream().filter(t -> !t.created()).map(PlannedTopic::name).toList();
    return new Scope(plan.pipeline(), topics, ours, inputs);
  }

  /** Deletes the scope's consumer groups, then its topics, and waits until the broker no longer lists them. */
  public void delete(Scope scope, Duration timeout) throws ExecutionException, InterruptedException, TimeoutException {
    if (!scope.consumerGroups().isEmpty()) {
      admin.deleteConsumerGroups(scope.consumerGroups()).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
    List<String> names = scope.topics().stream().map(PlannedTopic::name).toList();
    if (names.isEmpty()) {
      return;
    }
    admin.deleteTopics(names).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    Instant deadline = Instant.now().plus(timeout);
    Set<String> left = new HashSet<>(admin.listTopics().names().get(30, TimeUnit.SECONDS));
    left.retainAll(names);
    while (!left.isEmpty()) {
      if (Instant.now().isAfter(deadline)) {
        throw new TimeoutException("topics " + left + " of pipeline " + scope.pipeline() + " are still listed "
            + timeout + " after their deletion; check the broker's log");
      }
      Thread.sleep(PAUSE.toMillis());
      left = new HashSet<>(admin.listTopics().names().get(30, TimeUnit.SECONDS));
      left.retainAll(names);
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
