package io.baton.flink.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.flink.deploy.FlinkRest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one stage job's state through Flink's REST API: {@code /jobs/<id>} (state, start, tasks),
 * {@code /jobs/<id>/config} (the stage version parameter), the {@code baton.*} metrics, {@code /jobs/<id>/checkpoints}
 * and each task's {@code /backpressure}.
 *
 * <pre>{@code
 * StageStatus s = new StageJobReader(new FlinkRest(url)).read("alerts", jobId, Map.of("sensor-story.per-minute", 0L));
 * }</pre>
 */
final class StageJobReader {
  private static final List<String> LEVELS = List.of("ok", "low", "high");

  private final FlinkRest flink;
  private final StageMetricsReader metrics;

  StageJobReader(FlinkRest flink) {
    this.flink = flink;
    this.metrics = new StageMetricsReader(flink);
  }

  StageStatus read(String stage, String jobId, Map<String, Long> lag) throws IOException {
    return read(stage, jobId, lag, ReasonNames.of(""));
  }

  /** The stage's status, its dead-letter reasons named by {@code reasons}. */
  StageStatus read(String stage, String jobId, Map<String, Long> lag, ReasonNames reasons) throws IOException {
    JsonNode job = flink.get("jobs/" + jobId);
    String state = job.path("state").asText();
    Instant now = Instant.ofEpochMilli(job.path("now").asLong(System.currentTimeMillis()));
    long start = job.path("start-time").asLong(-1);
    boolean ended = job.path("end-time").asLong(-1) > 0;
    Optional<Duration> uptime = start > 0 && !ended ? Optional.of(Duration.between(Instant.ofEpochMilli(start), now))
        : Optional.empty();
    List<String> vertices = new ArrayList<>();
    int running = 0;
    for (JsonNode v : job.path("vertices")) {
      vertices.add(v.path("id").asText());
      running += "RUNNING".equals(v.path("status").asText()) ? 1 : 0;
    }
    boolean live = !ended;
    return new StageStatus(stage, Optional.of(jobId), state, running, vertices.size(), uptime, version(jobId),
        live ? reasons.restore(metrics.counts(jobId, vertices)) : StageCounts.none(), lag, lastCheckpoint(jobId, now),
        "RUNNING".equals(state) ? backPressure(jobId, vertices) : "-");
  }

  private Optional<String> version(String jobId) throws IOException {
    JsonNode v = flink.get("jobs/" + jobId + "/config").path("execution-config").path("user-config")
        .path(StageStatus.VERSION_PARAMETER);
    return v.isValueNode() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
  }

  private Optional<LastCheckpoint> lastCheckpoint(String jobId, Instant now) {
    JsonNode completed;
    try {
      completed = flink.get("jobs/" + jobId + "/checkpoints").path("latest").path("completed");
    } catch (IOException e) {
      return Optional.empty(); // a job without checkpointing has no checkpoint statistics
    }
    if (!completed.isObject()) {
      return Optional.empty();
    }
    Instant at = Instant.ofEpochMilli(completed.path("latest_ack_timestamp").asLong());
    return Optional.of(LastCheckpoint.of(completed.path("id").asLong(), at, Duration.between(at, now)));
  }

  /** The worst level over the job's tasks; {@code -} when Flink has not measured it yet. */
  private String backPressure(String jobId, List<String> vertices) throws IOException {
    int worst = -1;
    for (String vertex : vertices) {
      String level = flink.get("jobs/" + jobId + "/vertices/" + vertex + "/backpressure").path("backpressure-level")
          .asText("");
      worst = Math.max(worst, LEVELS.indexOf(level.toLowerCase(java.util.Locale.ROOT)));
    }
    return worst < 0 ? "-" : LEVELS.get(worst);
  }
}
