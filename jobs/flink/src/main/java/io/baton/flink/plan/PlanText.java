package io.baton.flink.plan;

import io.baton.api.accept.Accept;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints a plan for people: the DAG, each stage's policies, what runs together, topics and jobs.
 *
 * <pre>
 * Pipeline sensor-story  (io.baton.examples.sensor.SensorStory)
 *
 * DAG
 *   sensors.readings → [readings] → [per-minute] → [alerts] → sensors.alerts
 * ...
 * </pre>
 */
public final class PlanText {
  private PlanText() {}

  public static String render(Plan plan) {
    StringBuilder s = new StringBuilder();
    s.append("Pipeline ").append(plan.pipeline()).append("  (").append(plan.definitionClass()).append(")\n\n");
    s.append("DAG\n");
    for (PlannedStage stage : plan.stages()) {
      String from = stage.inputs().isEmpty() ? String.join(" + ", stage.inputTopics())
          : stage.inputs().stream().map(i -> "[" + i + "]").collect(Collectors.joining(" + "));
      s.append("  ").append(from).append(" → [").append(stage.name()).append("] → ").append(stage.outputTopic())
          .append('\n');
    }
    s.append("\nStages\n");
    for (PlannedStage stage : plan.stages()) {
      s.append("  ").append(stage.name()).append("  (").append(stage.kind()).append(", job '")
          .append(stage.jobName()).append("', parallelism ").append(stage.parallelism()).append(", ")
          .append(stage.delivery()).append(")\n");
      line(s, "version", stage.stageVersion());
      line(s, "reads", String.join(", ", stage.inputTopics()));
      line(s, "accept", stage.accept() + (stage.accept().contains(".maxRecordBytes(") ? ""
          : "  maxRecordBytes " + Accept.DEFAULT_MAX_RECORD_BYTES + " (default)"));
      line(s, "event time", stage.eventTime());
      line(s, "batch", stage.batch());
      line(s, "function", stage.function() + " → " + simpleName(stage.outputClass()));
      line(s, "writes", stage.outputTopic());
      line(s, "rejects to", stage.deadLetterTopic());
      line(s, "lineage", stage.lineage() ? "on, version " + stage.version() : "off (outputs do not name their inputs)");
      if (!stage.overrides().isEmpty()) {
        line(s, "overrides", stage.overrides().replace(",", ", "));
      }
    }
    s.append("\nRuns together\n");
    List<List<String>> levels = plan.levels();
    for (int i = 0; i < levels.size(); i++) {
      s.append("  ").append(i + 1).append(". ").append(String.join(", ", levels.get(i))).append('\n');
    }
    s.append("  Streaming, all ").append(plan.stages().size())
        .append(" jobs run at once; bounded (--bounded), group after group.\n");
    s.append("\nTopics\n");
    for (PlannedTopic t : plan.topics()) {
      s.append("  ").append(t.name()).append("  (").append(t.role())
          .append(t.writer().isEmpty() ? t.role().equals("lineage") ? ", written by every stage with lineage on" : ""
              : ", written by " + t.writer())
          .append(t.partitions() > 0 ? ", " + t.partitions() + " partitions" : "")
          .append(t.configs().isEmpty() ? "" : ", " + configs(t)).append(")\n");
    }
    s.append("\nSubjects\n");
    for (PlannedSubject subject : plan.subjects()) {
      s.append("  ").append(subject.subject()).append("  (").append(simpleName(subject.recordClass())).append(")\n");
    }
    return s.toString();
  }

  private static String configs(PlannedTopic t) {
    return String.join(", ", t.configs().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }

  private static void line(StringBuilder s, String label, String value) {
    s.append(String.format("    %-11s%s%n", label, value));
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
