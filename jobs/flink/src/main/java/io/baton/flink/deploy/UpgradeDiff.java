package io.baton.flink.deploy;

import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import io.baton.flink.plan.StageVersion;
import io.baton.flink.plan.StateShape;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a deploy does to each stage, decided before anything is touched: the running (or recorded) version against the
 * planned one by {@link StageVersion}, and for a changed stage whether its savepoint restores ({@link StateShape}).
 *
 * <pre>{@code
 * List<UpgradeDiff.Step> steps = upgrade.diff(plan, Upgrade.Options.DEFAULT);
 * List<String> problems = UpgradeDiff.refusals(plan.pipeline(), steps);   // each names the stage and the fix
 * }</pre>
 */
public final class UpgradeDiff {
  /** What a deploy does to one stage. */
  public enum Action {
    /** a stage that does not run: start it (fresh, from its consumer group's committed offsets) */
    START,
    /** the same version runs: leave it alone */
    KEEP,
    /** stopped with a savepoint, same version: start it from the savepoint */
    RESUME,
    /** changed, state compatible: stop with a savepoint (if it runs) and start the new version from it */
    RESTORE,
    /** changed, state incompatible, --drain: stop with a draining savepoint, start the new version from its offsets only */
    DRAIN,
    /** changed, state incompatible, --allow-state-loss: stop with a savepoint, start the new version from its offsets only */
    DISCARD_STATE,
    /** changed, state incompatible: refused */
    REFUSE,
    /** no longer in the pipeline: stop it with a savepoint */
    STOP
  }

  /**
   * The decision for one stage.
   *
   * @param stage stage name
   * @param action what happens to it
   * @param why in words: versions, what differs in its state
   * @param runningJob the job that runs it now, or null
   * @param before what the record says of it, or null
   * @param after the stage in the new plan, or null when it was removed
   * @param jobName its Flink job's name, {@code <pipeline>/<stage>}
   */
  public record Step(String stage, Action action, String why, String runningJob, DeploymentRecord.Stage before,
      PlannedStage after, String jobName) {
    @Override
    public String toString() {
      return String.format("%-10s %-14s %s", stage, action.name().toLowerCase().replace('_', '-'), why);
    }
  }

  private UpgradeDiff() {}

  /** What a deploy of {@code plan} would do over {@code record} and the {@code running} jobs (by stage name). */
  static List<Step> of(Plan plan, DeploymentRecord record, Map<String, FlinkRest.Job> running, FlinkRest flink,
      Upgrade.Options options) throws IOException {
    return of(plan, record, running, flink, options, stage -> Optional.empty());
  }

  /**
   * As {@link #of(Plan, DeploymentRecord, Map, FlinkRest, Upgrade.Options)}; {@code vanished} gives, for a stage
   * recorded running whose job the cluster no longer knows (its JobManager went down or crashed), that job's latest
   * retained checkpoint, which the stage then resumes from.
   */
  static List<Step> of(Plan plan, DeploymentRecord record, Map<String, FlinkRest.Job> running, FlinkRest flink,
      Upgrade.Options options, Function<DeploymentRecord.Stage, Optional<String>> vanished) throws IOException {
    List<Step> steps = new ArrayList<>();
    for (PlannedStage stage : plan.stages()) {
      DeploymentRecord.Stage before = record.stage(stage.name()).orElse(null);
      FlinkRest.Job job = running.get(stage.name());
      steps.add(job != null ? runningStep(flink, stage, before, job, options)
          : before != null && !before.isStopped() ? vanishedStep(stage, before, vanished.apply(before), options)
          : stoppedStep(stage, before, options));
    }
    Set<String> planned = new HashSet<>(plan.stages().stream().map(PlannedStage::name).toList());
    for (Map.Entry<String, FlinkRest.Job> job : running.entrySet()) {
      if (!planned.contains(job.getKey())) {
        steps.add(new Step(job.getKey(), Action.STOP, "no longer in the pipeline: stop with a savepoint",
            job.getValue().id(), record.stage(job.getKey()).orElse(null), null, job.getValue().name()));
      }
    }
    return steps;
  }

  private static Step runningStep(FlinkRest flink, PlannedStage stage, DeploymentRecord.Stage before, FlinkRest.Job job,
      Upgrade.Options options)
      throws IOException {
    boolean recorded = before != null && job.id().equals(before.jobId());
    String version = recorded ? before.version() : flink.userConfig(job.id()).path(StageVersion.JOB_PARAMETER).asText("");
    if (version.equals(stage.stageVersion())) {
      return new Step(stage.name(), Action.KEEP, "unchanged, version " + version, job.id(), before, stage, stage.jobName());
    }
    return changed(stage, recorded ? before : null, version.isEmpty() ? "unknown" : version, recorded ? before.shape() : null,
        job.id(), options);
  }

  /** A stage recorded running that does not run: from its job's retained checkpoint if there is one, else fresh. */
  private static Step vanishedStep(PlannedStage stage, DeploymentRecord.Stage before, Optional<String> checkpoint,
      Upgrade.Options options) {
    if (checkpoint.isEmpty()) {
      return stoppedStep(stage, before, options);
    }
    DeploymentRecord.Stage last = before.stopped(checkpoint.get());
    if (last.version().equals(stage.stageVersion())) {
      return new Step(stage.name(), Action.RESUME, "its job " + before.jobId() + " is gone with the JobManager that ran"
          + " it, version " + before.version() + ": resume from its latest retained checkpoint " + checkpoint.get(),
          null, last, stage, stage.jobName());
    }
    return changed(stage, last, last.version(), last.shape(), null, options);
  }

  private static Step stoppedStep(PlannedStage stage, DeploymentRecord.Stage before, Upgrade.Options options) {
    if (before == null || !before.isStopped() || before.savepoint() == null) {
      return new Step(stage.name(), Action.START, before == null ? "new, version " + stage.stageVersion()
          : "not running and no savepoint: start version " + stage.stageVersion() + " fresh", null, before, stage, stage.jobName());
    }
    if (before.version().equals(stage.stageVersion())) {
      return new Step(stage.name(), Action.RESUME, "stopped, version " + before.version() + ": resume from "
          + before.savepoint(), null, before, stage, stage.jobName());
    }
    return changed(stage, before, before.version(), before.shape(), null, options);
  }

  private static Step changed(PlannedStage stage, DeploymentRecord.Stage before, String oldVersion, StateShape oldShape,
      String jobId, Upgrade.Options options) {
    String versions = "version " + oldVersion + " → " + stage.stageVersion();
    List<String> differences = oldShape == null ? null : oldShape.differences(stage.stateShape());
    if (differences != null && differences.isEmpty()) {
      return new Step(stage.name(), Action.RESTORE, versions + "; state restores (same operators, policy, key and "
          + "state types): " + (jobId == null ? "start from its savepoint" : "stop with a savepoint, start from it"),
          jobId, before, stage, stage.jobName());
    }
    String what = differences == null ? "what its state holds is unknown (no deployment record of the running job)"
        : String.join("; ", differences);
    if (options.drain() && jobId != null) {
      return new Step(stage.name(), Action.DRAIN, versions + "; state cannot restore (" + what
          + "): drain (its windows fire), then start without window state from its savepoint's offsets", jobId, before, stage, stage.jobName());
    }
    if (options.allowStateLoss()) {
      return new Step(stage.name(), Action.DISCARD_STATE, versions + "; state cannot restore (" + what
          + "): start without window state from its savepoint's offsets, its open batches are lost (--allow-state-loss)",
          jobId, before, stage, stage.jobName());
    }
    return new Step(stage.name(), Action.REFUSE, versions + "; state cannot restore: " + what, jobId, before, stage, stage.jobName());
  }

  /** Why a diff cannot be deployed as it is, one line a stage, each naming the fix; empty when it can. */
  public static List<String> refusals(String pipeline, List<Step> steps) {
    List<String> problems = new ArrayList<>();
    for (Step step : steps) {
      if (step.action() == Action.REFUSE) {
        String what = step.why().substring(step.why().indexOf("state cannot restore: ") + "state cannot restore: ".length());
        problems.add("stage " + step.stage() + " of pipeline " + pipeline + " cannot restore its state into version "
            + step.after().stageVersion() + ": " + what + ". Deploy with --drain (the running version fires its open "
            + "windows and batches, then the new one starts without state)" + (step.runningJob() == null
            ? " (not possible: it is stopped already)" : "") + " or --allow-state-loss (its open windows and batches are lost)");
      }
    }
    return problems;
  }
}
