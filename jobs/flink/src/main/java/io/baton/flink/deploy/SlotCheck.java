package io.baton.flink.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.flink.plan.Plan;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Before a run starts anything: does the session cluster have the task slots it needs? A stage's job holds as many
 * slots as its parallelism; streaming, every stage runs at once; bounded, one group of stages at a time, so the
 * largest group counts. A run that cannot get its slots would wait for them until it times out, so it is refused.
 *
 * <pre>{@code
 * SlotCheck.require(new FlinkRest("http://127.0.0.1:8081"), plan, false);   // NotEnoughSlotsException if short
 * }</pre>
 */
public final class SlotCheck {
  private SlotCheck() {}

  /** Slots a run of {@code plan} holds at the same time. */
  public static int needed(Plan plan, boolean bounded) {
    if (!bounded) {
      return plan.stages().stream().mapToInt(s -> s.parallelism()).sum();
    }
    return plan.levels().stream().mapToInt(level -> slotsOf(plan, level)).max().orElse(0);
  }

  /** Asks the cluster ({@code /overview}) and refuses with what to do when fewer slots are free than needed. */
  public static void require(FlinkRest flink, Plan plan, boolean bounded) throws IOException {
    JsonNode overview = flink.get("overview");
    int total = overview.path("slots-total").asInt();
    int free = overview.path("slots-available").asInt();
    List<String> running = flink.jobs().stream().filter(j -> !isEnded(j.state())).map(FlinkRest.Job::name).toList();
    Optional<String> problem = problem(plan.pipeline(), bounded, needed(plan, bounded), total, free, running);
    if (problem.isPresent()) {
      throw new NotEnoughSlotsException(problem.get() + " (Flink at " + flink.url() + ")");
    }
  }

  /** What is wrong when {@code needed} slots are more than {@code free} of {@code total}; empty when they fit. */
  static Optional<String> problem(String pipeline, boolean bounded, int needed, int total, int free,
      List<String> running) {
    if (needed <= free) {
      return Optional.empty();
    }
    String need = "pipeline " + pipeline + " needs " + needed + " free task slots to run " + (bounded
        ? "bounded (its largest group of stages at once)" : "streaming (one per stage and parallel instance)");
    if (total == 0) {
      return Optional.of(need + " but the cluster has no task manager; start one (./baton down, then ./baton up)");
    }
    if (needed > total) {
      return Optional.of(need + " but the cluster has " + total + " in all; lower the stages' parallelism"
          + (bounded ? "" : " or run it --bounded") + ", or give the task manager more slots "
          + "(taskmanager.numberOfTaskSlots)");
    }
    return Optional.of(need + " but only " + free + " of " + total + " are free"
        + (running.isEmpty() ? "" : "; running: " + String.join(", ", running))
        + "; stop what you do not need (./baton stop <pipeline>) or wait until it ends, then run again");
  }

  private static int slotsOf(Plan plan, List<String> level) {
    return level.stream().mapToInt(name -> plan.stage(name).parallelism()).sum();
  }

  private static boolean isEnded(String state) {
    return state.equals("FINISHED") || state.equals("FAILED") || state.equals("CANCELED");
  }
}
