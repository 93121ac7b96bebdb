package io.baton.flink.deploy;

import io.baton.connectors.SettledTopics;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Runs a plan bounded: group after group of stages ({@link Plan#levels()}). Each group's jobs start together and end
 * before the next group starts; then its output and dead-letter topics are awaited until settled (no transaction
 * left open, see {@link SettledTopics}), so the next group, and whoever reads after the run, sees all it committed.
 * Where and how the jobs run is the caller's part: a session cluster through REST, a MiniCluster in tests.
 *
 * <pre>{@code
 * new BoundedRun(plan, "127.0.0.1:9092", Duration.ofMinutes(1))
 *     .run(stages -> startAndAwaitTheirJobs(stages));
 * }</pre>
 */
public final class BoundedRun {
  private final Plan plan;
  private final String bootstrapServers;
  private final Duration settleTimeout;

  /** Starts the jobs of one group's stages, all of them, and returns once every one has ended well. */
  @FunctionalInterface
  public interface Group<E extends Exception> {
    void runToEnd(List<String> stages) throws E, InterruptedException;
  }

  /** A run of {@code plan} whose topics live on {@code bootstrapServers}; each group's topics may take {@code settleTimeout} to settle. */
  public BoundedRun(Plan plan, String bootstrapServers, Duration settleTimeout) {
    this.plan = Objects.requireNonNull(plan, "plan");
    this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    this.settleTimeout = Objects.requireNonNull(settleTimeout, "settleTimeout");
  }

  /**
   * Runs every group to its end, in order.
   *
   * @throws IOException if a group's topics do not settle within the timeout
   */
  public <E extends Exception> void run(Group<E> group) throws E, IOException, InterruptedException {
    try (SettledTopics settled = new SettledTopics(bootstrapServers)) {
      for (List<String> level : plan.levels()) {
        group.runToEnd(level);
        awaitSettled(settled, level);
      }
    }
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

  private void awaitSettled(SettledTopics settled, List<String> level) throws IOException, InterruptedException {
    try {
      settled.await(writtenBy(level), settleTimeout);
    } catch (TimeoutException | ExecutionException e) {
      throw new IOException("the output of " + level + " of pipeline " + plan.pipeline() + " did not settle: "
          + e.getMessage() + "; check the broker's transaction coordinator (its log) and run again", e);
    }
  }
}
