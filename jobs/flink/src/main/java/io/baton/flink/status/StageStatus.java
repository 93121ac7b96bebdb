package io.baton.flink.status;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How one stage of a pipeline is doing: its Flink job's state (or {@code MISSING}), uptime and stage version, what it
 * counted, each input topic's consumer lag, its last completed checkpoint and its worst back-pressure level.
 *
 * <pre>{@code
 * StageStatus s = StageStatus.missing("alerts", List.of("sensor-story.per-minute"));
 * s.runningAsDeployed();   // false
 * }</pre>
 *
 * @param stage the stage's name
 * @param jobId its Flink job, if the cluster has one
 * @param state the job's state ({@code RUNNING}, {@code RESTARTING}, {@code FAILED}, ...) or {@link #MISSING}
 * @param tasksRunning how many of the job's tasks (vertices) are {@code RUNNING}
 * @param tasksTotal how many tasks the job has
 * @param uptime since the job started, while it has not ended
 * @param version the job parameter {@code baton.stage.version}, if the job publishes it
 * @param counts what the stage counted since its job started
 * @param lag records behind the end of each input topic, by topic (committed offsets of the stage's group)
 * @param lastCheckpoint its last completed checkpoint
 * @param backPressure the worst back-pressure level of its tasks: {@code ok}, {@code low}, {@code high}, or {@code -}
 */
public record StageStatus(String stage, Optional<String> jobId, String state, int tasksRunning, int tasksTotal,
    Optional<Duration> uptime, Optional<String> version, StageCounts counts, Map<String, Long> lag,
    Optional<LastCheckpoint> lastCheckpoint, String backPressure) {

  /** The state of a stage that has no job on the cluster. */
  public static final String MISSING = "MISSING";
  /** The parameter a stage job publishes its version under ({@code /jobs/<id>/config}, {@code user-config}). */
  public static final String VERSION_PARAMETER = "baton.stage.version";

  public StageStatus {
    if (stage == null || stage.isBlank() || state == null || state.isBlank()) {
      throw new IllegalArgumentException("stage and state must not be blank, got '" + stage + "', '" + state + "'");
    }
    if (tasksRunning < 0 || tasksRunning > tasksTotal) {
      throw new IllegalArgumentException("tasksRunning must be in 0.." + tasksTotal + ", got " + tasksRunning);
    }
    lag = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lag));
  }

  /** A stage with no job: nothing runs, its inputs' lag is still known. */
  public static StageStatus missing(String stage, Map<String, Long> lag) {
    return new StageStatus(stage, Optional.empty(), MISSING, 0, 0, Optional.empty(), Optional.empty(),
        StageCounts.none(), lag, Optional.empty(), "-");
  }

  /** Its job runs with every task running: what a deployed streaming stage should be doing. */
  public boolean runningAsDeployed() {
    return "RUNNING".equals(state) && tasksTotal > 0 && tasksRunning == tasksTotal;
  }

  /** The lag summed over its inputs, if every input's lag is known. */
  public Optional<Long> totalLag() {
    return lag.values().stream().reduce(Long::sum);
  }
}
