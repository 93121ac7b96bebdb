package io.baton.flink.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.flink.deploy.FlinkRest;
import io.baton.flink.internal.runtime.StageMetrics;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a stage job's {@code baton.*} metrics through Flink's REST API and sums them over operators and subtasks.
 * Metric ids look like {@code <subtask>.<operator>.baton.accepted} and, for the labelled dead-letter counter,
 * {@code <subtask>.<operator>.baton.reason.<reason>.deadLettered} (the REST API writes spaces, dots, commas and colons
 * of names as {@code _}, so {@code rule:in range} reads {@code rule_in_range}: {@link ReasonNames} turns it back).
 *
 * <pre>{@code
 * StageCounts counts = new StageMetricsReader(flink).counts(jobId, vertexIds);
 * }</pre>
 */
final class StageMetricsReader {
  static final String BATON = ".baton.";
  static final String REASON = StageMetrics.REASON + ".";
  static final String DEAD_LETTERED = StageMetrics.DEAD_LETTERED;

  private final FlinkRest flink;

  StageMetricsReader(FlinkRest flink) {
    this.flink = flink;
  }

  /** The job's counts, from each of {@code vertices}. */
  StageCounts counts(String jobId, List<String> vertices) throws IOException {
    Map<String, Long> totals = new HashMap<>();
    for (String vertex : vertices) {
      String path = "jobs/" + jobId + "/vertices/" + vertex + "/metrics";
      List<String> ids = new ArrayList<>();
      for (JsonNode m : flink.get(path)) {
        if (m.path("id").asText().contains(BATON)) {
          ids.add(m.path("id").asText());
        }
      }
      if (!ids.isEmpty()) {
        for (JsonNode m : flink.get(path + "?get=" + URLEncoder.encode(String.join(",", ids), StandardCharsets.UTF_8))) {
          totals.merge(batonName(m.path("id").asText()), (long) m.path("value").asDouble(), Long::sum);
        }
      }
    }
    return fromTotals(totals);
  }

  /** {@code 0.accept_readings.baton.reason.schema.deadLettered} → {@code reason.schema.deadLettered}. */
  static String batonName(String metricId) {
    return metricId.substring(metricId.indexOf(BATON) + BATON.length());
  }

  /** Counts from summed metric names: in = accepted + rejected, out = emitted, dead letters by their reason label. */
  static StageCounts fromTotals(Map<String, Long> totals) {
    Map<String, Long> reasons = new HashMap<>();
    totals.forEach((name, value) -> {
      if (name.startsWith(REASON) && name.endsWith("." + DEAD_LETTERED)) {
        reasons.merge(name.substring(REASON.length(), name.length() - DEAD_LETTERED.length() - 1), value, Long::sum);
      }
    });
    return StageCounts.of(totals.getOrDefault("accepted", 0L) + totals.getOrDefault("rejected", 0L),
        totals.getOrDefault("emitted", 0L), reasons, totals.getOrDefault("late", 0L));
  }
}
