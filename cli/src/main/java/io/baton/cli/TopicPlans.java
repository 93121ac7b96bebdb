package io.baton.cli;

import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import io.baton.flink.plan.Planner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which pipeline a topic belongs to, among those of a job jar (or the one named): the pipeline with a stage
 * that writes it (its output or dead-letter topic), else one that reads it.
 *
 * <pre>{@code
 * TopicPlans plans = TopicPlans.of(null, null);          // every pipeline of the examples' jar
 * Plan plan = plans.require("sensors.alerts");           // sensor-story
 * }</pre>
 */
final class TopicPlans {
  private final String jarName;
  private final List<Plan> plans;

  private TopicPlans(String jarName, List<Plan> plans) {
    this.jarName = jarName;
    this.plans = plans;
  }

  /** The plans of {@code pipeline} (or of every working pipeline when null) in the jar at {@code jar} (null: the examples'). */
  static TopicPlans of(Path jar, String pipeline) throws Exception {
    try (JobJar jobJar = JobJar.open(jar)) {
      List<Plan> plans = new ArrayList<>();
      if (pipeline != null) {
        plans.add(Planner.plan(jobJar.definition(pipeline)));
      } else {
        for (OfferedPipeline o : jobJar.offered()) {
          if (!o.broken()) {
            plans.add(Planner.plan(o.definition()));
          }
        }
      }
      return new TopicPlans(jobJar.path().getFileName().toString(), List.copyOf(plans));
    }
  }

  /** The pipeline that writes {@code topic}, else one that reads it. */
  Optional<Plan> planOf(String topic) {
    return plans.stream().filter(p -> writes(p, topic)).findFirst()
        .or(() -> plans.stream().filter(p -> p.stages().stream().anyMatch(s -> s.inputTopics().contains(topic))).findFirst());
  }

  /** As {@link #planOf}, or a one-line error naming the pipelines looked at. */
  Plan require(String topic) {
    return planOf(topic).orElseThrow(() -> new CliException("topic " + topic + " is not part of "
        + (plans.size() == 1 ? "pipeline " + plans.get(0).pipeline() : "any pipeline in " + jarName
            + " (" + String.join(", ", plans.stream().map(Plan::pipeline).toList()) + ")")
        + "; name the pipeline's job jar with --jar"));
  }

  private static boolean writes(Plan plan, String topic) {
    return plan.stages().stream().anyMatch(s -> s.outputTopic().equals(topic) || s.deadLetterTopic().equals(topic));
  }

  /** The stage whose dead-letter topic is {@code topic}. */
  static Optional<PlannedStage> rejecterOf(Plan plan, String topic) {
    return plan.stages().stream().filter(s -> s.deadLetterTopic().equals(topic)).findFirst();
  }
}
