package io.baton.flink.status;

import java.time.Instant;
import java.util.List;

/**
 * How every stage of a pipeline is doing, read at one moment ({@link StatusReader}).
 *
 * <pre>{@code
 * PipelineStatus status = reader.read(plan);
 * if (!status.runningAsDeployed()) { System.exit(3); }
 * }</pre>
 *
 * @param pipeline the pipeline's name
 * @param flinkUrl the session cluster it was read from
 * @param readAt when it was read
 * @param stages one per stage of the plan, in its order
 */
public record PipelineStatus(String pipeline, String flinkUrl, Instant readAt, List<StageStatus> stages) {
  public PipelineStatus {
    if (pipeline == null || pipeline.isBlank() || readAt == null) {
      throw new IllegalArgumentException("pipeline and readAt must be set, got '" + pipeline + "', " + readAt);
    }
    stages = List.copyOf(stages);
  }

  /** Every stage's job runs with all its tasks. */
  public boolean runningAsDeployed() {
    return !stages.isEmpty() && stages.stream().allMatch(StageStatus::runningAsDeployed);
  }

  /** The stages that are not running as deployed, by name. */
  public List<String> notRunning() {
    return stages.stream().filter(s -> !s.runningAsDeployed()).map(StageStatus::stage).toList();
  }
}
