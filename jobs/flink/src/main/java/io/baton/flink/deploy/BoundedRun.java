package io.baton.flink.deploy;

import io.baton.connectors.KafkaClientConfig;
import io.baton.connectors.OffsetRanges;
import io.baton.connectors.RunId;
import io.baton.connectors.SettledTopics;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.TopicPartition;

/**
 * Runs a plan bounded: group after group of stages ({@link Plan#levels()}). Each group's jobs start together and end
 * before the next group starts; then its output and dead-letter topics are awaited until settled (no transaction
 * left open, see {@link SettledTopics}), so the next group, and whoever reads after the run, sees all it committed.
 * Where and how the jobs run is the caller's part: a session cluster through REST, a MiniCluster in tests.
 *
 * <p>A run is repeatable: before a group starts, the end offsets of its output topics are recorded, and once it has
 * settled, the range between those and the new end offsets is what it wrote in this run. A downstream stage reads
 * exactly that range of each handoff topic ({@link BoundedStep}), never what earlier runs left there. Every output
 * and dead letter carries the run's id ({@link #runId()}) as the {@code baton.run} header.
 *
 * <pre>{@code
 * new BoundedRun(plan, "127.0.0.1:9092", Duration.ofMinutes(1))
 *     .run((stages, step) -> startAndAwaitTheirJobs(stages, step));
 * }</pre>
 */
public final class BoundedRun {
  private final Plan plan;
  private final KafkaClientConfig kafka;
  private final Duration settleTimeout;
  private final RunId run = RunId.next();

  /** Starts the jobs of one group's stages, all of them, and returns once every one has ended well. */
  @FunctionalInterface
  public interface Group<E extends Exception> {
    void runToEnd(List<String> stages, BoundedStep step) throws E, InterruptedException;
  }

  /** A run of {@code plan} whose topics live on {@code bootstrapServers}; each group's topics may take {@code settleTimeout} to settle. */
  public BoundedRun(Plan plan, String bootstrapServers, Duration settleTimeout) {
    this(plan, KafkaClientConfig.of(bootstrapServers), settleTimeout);
  }

  /** A run of {@code plan} whose topics live where {@code kafka} connects, with its client settings. */
  public BoundedRun(Plan plan, KafkaClientConfig kafka, Duration settleTimeout) {
    this.plan = Objects.requireNonNull(plan, "plan");
    this.kafka = Objects.requireNonNull(kafka, "kafka");
    this.settleTimeout = Objects.requireNonNull(settleTimeout, "settleTimeout");
  }

  /** This run's id, made when the run was created; its outputs and dead letters carry it. */
  public RunId runId() {
    return run;
  }

  /**
   * Runs every group to its end, in order, and returns the run's id.
   *
   * @throws IOException if a group's topics do not settle within the timeout, or their offsets cannot be read
   */
  public <E extends Exception> RunId run(Group<E> group) throws E, IOException, InterruptedException {
    try (SettledTopics settled = new SettledTopics(kafka)) {
      OffsetRanges written = OffsetRanges.none();
      for (List<String> level : plan.levels()) {
        List<String> outputs = outputsOf(level);
        Map<TopicPartition, Long> before = endOffsets(settled, outputs, level);
        group.runToEnd(level, step(level, written));
        awaitSettled(settled, level);
        written = written.plus(OffsetRanges.between(before, endOffsets(settled, outputs, level)));
      }
    }
    return run;
  }

  /** The group's step: each stage reads the ranges of its input topics that earlier groups wrote in this run. */
  BoundedStep step(List<String> level, OffsetRanges written) {
    Map<String, OffsetRanges> inputs = new HashMap<>();
    for (String name : level) {
      inputs.put(name, written.only(plan.stage(name).inputTopics()));
    }
    return new BoundedStep(run, inputs);
  }

  /** The handoff and output topics a group writes. */
  List<String> outputsOf(List<String> level) {
    LinkedHashSet<String> outputs = new LinkedHashSet<>();
    level.forEach(name -> outputs.add(plan.stage(name).outputTopic()));
    return List.copyOf(outputs);
  }

  /** The topics a group writes: each stage's output and dead letters. */
  List<String> writtenBy(List<String> level) {
    List<String> written = new ArrayList<>();
    for (String name : level) {
      PlannedStage stage = plan.stage(name);
      written.add(stage.outputTopic());
      written.add(stage.deadLetterTopic());
    }
    return written;
  }

  private Map<TopicPartition, Long> endOffsets(SettledTopics settled, List<String> topics, List<String> level)
      throws IOException, InterruptedException {
    try {
      return settled.endOffsets(topics);
    } catch (TimeoutException | ExecutionException e) {
      throw new IOException("cannot read the end offsets of " + topics + " (written by " + level + " of pipeline "
          + plan.pipeline() + "): " + e.getMessage() + "; check that the broker at " + kafka.bootstrapServers()
          + " runs and the topics exist (baton run creates them)", e);
    }
  }

  private void awaitSettled(SettledTopics settled, List<String> level) throws IOException, InterruptedException {
    try {
      settled.await(writtenBy(level), settleTimeout);
    } catch (TimeoutException | ExecutionException e) {
      throw new IOException("the output of " + level + " of pipeline " + plan.pipeline() + " did not settle: "
          + e.getMessage() + "; check the broker's transaction coordinator (its log) and run again", e);
    }
  }
}
