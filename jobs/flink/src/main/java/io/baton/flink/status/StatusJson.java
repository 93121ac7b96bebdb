package io.baton.flink.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A pipeline's status, and {@code baton list}, as JSON for tools; absent values are {@code null}, durations in
 * milliseconds, times ISO-8601.
 *
 * <pre>{@code
 * {"pipeline":"sensor-story","runningAsDeployed":true,"stages":[{"stage":"readings","state":"RUNNING",
 *   "records":{"in":372,"out":364,"deadLettered":8,"deadLetteredByReason":{"schema":1,...},"late":0},
 *   "lag":{"sensors.readings":0},"lastCheckpoint":{"id":42,"completedAt":"...","ageMs":812},...}]}
 * }</pre>
 */
public final class StatusJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StatusJson() {}

  public static String render(PipelineStatus status) {
    ObjectNode root = JSON.createObjectNode().put("pipeline", status.pipeline()).put("flink", status.flinkUrl())
        .put("readAt", status.readAt().toString()).put("runningAsDeployed", status.runningAsDeployed());
    ArrayNode stages = root.putArray("stages");
    for (StageStatus s : status.stages()) {
      ObjectNode n = stages.addObject().put("stage", s.stage()).put("job", s.jobId().orElse(null))
          .put("state", s.state()).put("runningAsDeployed", s.runningAsDeployed());
      n.putObject("tasks").put("running", s.tasksRunning()).put("total", s.tasksTotal());
      n.put("uptimeMs", s.uptime().map(d -> d.toMillis()).orElse(null)).put("version", s.version().orElse(null));
      ObjectNode records = n.putObject("records").put("in", s.counts().in()).put("out", s.counts().out())
          .put("deadLettered", s.counts().deadLettered());
      ObjectNode reasons = records.putObject("deadLetteredByReason");
      s.counts().sortedReasons().forEach(reasons::put);
      records.put("late", s.counts().late());
      ObjectNode lag = n.putObject("lag");
      s.lag().forEach(lag::put);
      s.lastCheckpoint().ifPresentOrElse(c -> n.putObject("lastCheckpoint").put("id", c.id())
          .put("completedAt", c.completedAt().toString()).put("ageMs", c.age().toMillis()),
          () -> n.putNull("lastCheckpoint"));
      n.put("backPressure", s.backPressure());
    }
    return root.toString();
  }

  public static String render(List<PipelineSummary> pipelines) {
    ArrayNode all = JSON.createArrayNode();
    pipelines.forEach(p -> all.addObject().put("pipeline", p.pipeline()).put("running", p.running())
        .put("stages", p.stages()).put("worstState", p.worstState()));
    return all.toString();
  }
}
