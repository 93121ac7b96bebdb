package io.baton.cli;

import io.baton.connectors.DeadLetterRecord;
import io.baton.connectors.ReasonFilter;
import io.baton.connectors.TopicReader;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The dead letters of a pipeline's stages, as committed now: which stages a command means and
 * what their dead-letter topics hold, filtered by reason.
 *
 * <pre>{@code
 * List<PlannedStage> stages = StageLetters.stages(plan, "readings");   // or null for every stage
 * List<DeadLetterRecord> letters = StageLetters.read(reader, stages.get(0), ReasonFilter.of("rule"));
 * }</pre>
 */
final class StageLetters {
  private StageLetters() {}

  /** The stage named {@code stage}, or every stage in plan order when it is null; an unknown name lists the stages. */
  static List<PlannedStage> stages(Plan plan, String stage) {
    if (stage == null) {
      return plan.stages();
    }
    return plan.stages().stream().filter(s -> s.name().equals(stage)).findFirst().map(List::of)
        .orElseThrow(() -> new CliException("pipeline " + plan.pipeline() + " has no stage '" + stage
            + "'; its stages are: " + plan.stages().stream().map(PlannedStage::name).collect(Collectors.joining(", "))));
  }

  /** The committed letters of {@code stage} whose reason {@code filter} selects, in partition and offset order. */
  static List<DeadLetterRecord> read(TopicReader reader, PlannedStage stage, ReasonFilter filter) {
    return reader.readCommitted(stage.deadLetterTopic()).stream().map(DeadLetterRecord::from)
        .filter(filter::selects).toList();
  }

  /** Counts by reason, sorted by reason ({@code ?} for a letter without one). */
  static Map<String, Long> byReason(List<DeadLetterRecord> letters) {
    return letters.stream().collect(Collectors.groupingBy(l -> l.reasonCode().orElse("?"),
        TreeMap::new, Collectors.counting()));
  }

  /** {@code malformed 2, rule:positive 1}. */
  static String counts(Map<String, Long> byReason) {
    return byReason.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }
}
