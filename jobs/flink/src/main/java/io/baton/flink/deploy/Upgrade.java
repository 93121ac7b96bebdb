package io.baton.flink.deploy;

import io.baton.flink.deploy.UpgradeDiff.Action;
import io.baton.flink.deploy.UpgradeDiff.Step;
import io.baton.flink.lineage.JobLineage;
import io.baton.flink.lineage.LineageSettings;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import io.baton.flink.plan.StageVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Deploys a plan over what already runs, stage by stage, by {@link StageVersion}: a new stage starts, an unchanged one
 * is left alone, a changed one is stopped with a savepoint and started again from it, a removed one is stopped with a
 * savepoint, and a stopped one resumes from its savepoint. Before anything is touched, each changed stage's
 * {@code StateShape} decides whether its state restores into the new version; one that cannot is refused unless the
 * deploy drains it ({@code drain}: its windows fire, then the new version starts fresh) or accepts the loss
 * ({@code allowStateLoss}). A changed stage that does not come up healthy from its savepoint is cancelled and its
 * previous version started again from the same savepoint. What runs is kept in a {@link DeploymentRecord}.
 *
 * <pre>{@code
 * Upgrade upgrade = new Upgrade(target, recordFile, "local", savepointDir, System.out::println);
 * List<UpgradeDiff.Step> diff = upgrade.diff(plan, Upgrade.Options.DEFAULT);   // what a deploy would do
 * Upgrade.Outcome outcome = upgrade.deploy(plan, jar, Upgrade.Options.DEFAULT);
 * }</pre>
 */
public final class Upgrade {
  /** The stage job option that renames its stateful operators' uids for a start without their state. */
  public static final String STATE_GENERATION = "--state-generation";

  /**
   * How to deploy.
   *
   * @param allowStateLoss start a stage whose state cannot be restored without it
   * @param drain stop a stage whose state cannot be restored with a draining savepoint (its windows fire) first
   * @param healthTimeout how long a restarted stage has to run with a completed checkpoint
   * @param savepointTimeout how long a savepoint may take
   */
  public record Options(boolean allowStateLoss, boolean drain, Duration healthTimeout, Duration savepointTimeout) {
    public static final Options DEFAULT = new Options(false, false, Duration.ofSeconds(90), Duration.ofMinutes(2));

    public Options allowStateLoss(boolean allow) {
      return new Options(allow, drain, healthTimeout, savepointTimeout);
    }

    public Options drain(boolean drainFirst) {
      return new Options(allowStateLoss, drainFirst, healthTimeout, savepointTimeout);
    }

    public Options healthTimeout(Duration timeout) {
      return new Options(allowStateLoss, drain, timeout, savepointTimeout);
    }
  }

  /**
   * What a deploy did.
   *
   * @param steps the decisions
   * @param jobIds the job of every stage of the plan afterwards
   * @param rolledBack per stage that came back in its previous version, what happened
   */
  public record Outcome(List<Step> steps, Map<String, String> jobIds, Map<String, String> rolledBack) {}

  private final Target target;
  private final Path recordFile;
  private final String context;
  private final String savepointDir;
  private final Consumer<String> progress;
  private final FlinkRest flink;
  private final LineageSettings lineage;
  private final RetainedCheckpoints checkpoints;
  private JobLineage events = JobLineage.off();

  /** {@code savepointDir} null: the cluster's {@code execution.checkpointing.savepoint-dir}. */
  public Upgrade(Target target, Path recordFile, String context, String savepointDir, Consumer<String> progress) {
    this(target, recordFile, context, savepointDir, progress, LineageSettings.off(), RetainedCheckpoints.none());
  }

  private Upgrade(Target target, Path recordFile, String context, String savepointDir, Consumer<String> progress,
      LineageSettings lineage, RetainedCheckpoints checkpoints) {
    this.target = target;
    this.recordFile = recordFile;
    this.context = context;
    this.savepointDir = savepointDir;
    this.progress = progress;
    this.lineage = lineage;
    this.checkpoints = checkpoints;
    this.flink = new FlinkRest(target.flinkRestUrl());
  }

  /** The same upgrade, emitting an OpenLineage START for each stage job it starts (see {@link JobLineage}). */
  public Upgrade withLineage(LineageSettings settings) {
    return new Upgrade(target, recordFile, context, savepointDir, progress, settings, checkpoints);
  }

  /**
   * The same upgrade, resuming a stage recorded running whose job the cluster no longer knows (its JobManager went
   * down or crashed, taking its jobs along) from that job's latest checkpoint in {@code retained}.
   */
  public Upgrade withRetainedCheckpoints(RetainedCheckpoints retained) {
    return new Upgrade(target, recordFile, context, savepointDir, progress, lineage, retained);
  }

  /** Where the deployment record is kept. */
  public Path recordFile() {
    return recordFile;
  }

  /**
   * Records {@code stage} of {@code pipeline} as stopped without a savepoint (it was cancelled): a later deploy or run
   * starts it fresh from its committed input offsets, never from a checkpoint its cancelled job left behind.
   */
  public void recordCancelled(String pipeline, String stage) throws IOException {
    DeploymentRecord record = record(pipeline);
    Optional<DeploymentRecord.Stage> recorded = record.stage(stage);
    if (recorded.isPresent()) {
      record.with(stage, recorded.get().stopped(null)).save(recordFile);
    }
  }

  /** The record of this pipeline on this context. */
  public DeploymentRecord record(String pipeline) throws IOException {
    return DeploymentRecord.load(recordFile, pipeline, context);
  }

  /** What a deploy of {@code plan} would do, stage by stage (removed stages last); changes nothing. */
  public List<Step> diff(Plan plan, Options options) throws IOException {
    Set<String> known = new HashSet<>();
    flink.jobs().forEach(j -> known.add(j.id()));
    return UpgradeDiff.of(plan, record(plan.pipeline()), running(plan.pipeline()), flink, options,
        stage -> known.contains(stage.jobId()) ? Optional.empty() : checkpoints.latest(stage.jobId()));
  }

  /** Deploys {@code plan} from {@code jar}: see the class comment. */
  public Outcome deploy(Plan plan, Path jar, Options options)
      throws DeployRefusedException, IOException, InterruptedException, ExecutionException {
    List<Step> steps = diff(plan, options);
    List<String> refused = UpgradeDiff.refusals(plan.pipeline(), steps);
    if (!refused.isEmpty()) {
      throw new DeployRefusedException(plan.pipeline(), refused);
    }
    requireSlots(plan, steps);
    new Deployer(target, progress).prepare(plan);
    DeploymentRecord record = record(plan.pipeline());
    Set<String> keep = new HashSet<>();
    record.stages().values().forEach(s -> keep.add(s.jarId()));
    String jarId = JarUploads.ensure(flink, jar, keep);
    progress.accept("job jar on the cluster: " + jarId);
    Map<String, List<String>> environments = new Deployer(target, progress).environments(plan, false);
    StageJobs jobs = new StageJobs(flink, options.savepointTimeout());
    Map<String, String> jobIds = new LinkedHashMap<>();
    Map<String, String> rolledBack = new LinkedHashMap<>();
    DeploymentRecord before = record;
    try (JobLineage opened = lineage.open(plan, target.kafka().bootstrapServers(), false, progress)) {
      events = opened;
      for (Step step : steps) {
        record = apply(step, record, jarId, environments.get(step.stage()), jobs, options, jobIds, rolledBack);
        record.save(recordFile);
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      cancelStarted(steps, before, record, jobIds);
      throw e;
    } finally {
      events = JobLineage.off();
    }
    return new Outcome(steps, jobIds, rolledBack);
  }

  /**
   * A deploy that failed leaves nothing of its own running: cancels the stages it started or resumed (a resumed one
   * keeps its savepoint in the record); changed stages have had their own rollback.
   */
  private void cancelStarted(List<Step> steps, DeploymentRecord before, DeploymentRecord record,
      Map<String, String> jobIds) throws IOException {
    for (Step step : steps) {
      String jobId = jobIds.get(step.stage());
      if ((step.action() != Action.START && step.action() != Action.RESUME) || jobId == null) {
        continue;
      }
      try {
        flink.cancel(jobId);
        progress.accept("cancelled " + step.after().jobName() + " (" + jobId + ") because the deploy failed");
      } catch (IOException | RuntimeException e) {
        progress.accept("could not cancel " + step.after().jobName() + " (" + jobId + "): " + e.getMessage()
            + "; cancel it at " + flink.url());
      }
      Optional<DeploymentRecord.Stage> was = before.stage(step.stage());
      record = was.isPresent() ? record.with(step.stage(), was.get()) : record.without(step.stage());
    }
    record.save(recordFile);
  }

  private DeploymentRecord apply(Step step, DeploymentRecord record, String jarId, List<String> environment,
      StageJobs jobs, Options options, Map<String, String> jobIds, Map<String, String> rolledBack)
      throws IOException, InterruptedException {
    String name = step.stage();
    switch (step.action()) {
      case KEEP -> {
        jobIds.put(name, step.runningJob());
        if (step.before() == null || !step.runningJob().equals(step.before().jobId())) {
          // A job Baton did not record (started before records existed): recorded now, so a later change restores.
          return record.with(name, new DeploymentRecord.Stage(step.after().stageVersion(), step.after().stateShape(),
              step.after().parallelism(), step.runningJob(), jarId, step.after().entryClass(),
              args(step.after(), environment, 0), null, DeploymentRecord.RUNNING, 0));
        }
        return record;
      }
      case STOP -> {
        String savepoint = stop(step, jobs, false);
        return step.before() == null ? record : record.with(name, step.before().stopped(savepoint));
      }
      case START -> {
        return started(record, step.after(), jarId, environment, null, generation(step.before()), false, jobIds);
      }
      case RESUME -> {
        return started(record, step.after(), jarId, environment, step.before().savepoint(),
            generation(step.before()), false, jobIds);
      }
      case RESTORE, DRAIN, DISCARD_STATE -> {
        String savepoint = step.runningJob() == null ? step.before().savepoint()
            : stop(step, jobs, step.action() == Action.DRAIN);
        if (step.before() != null && step.runningJob() != null) {
          record = record.with(name, step.before().stopped(savepoint));
          record.save(recordFile);
        }
        boolean dropState = step.action() != Action.RESTORE;
        int generation = generation(step.before()) + (dropState ? 1 : 0);
        DeploymentRecord after;
        try {
          after = started(record, step.after(), jarId, environment, savepoint, generation, dropState, jobIds);
        } catch (IOException e) {
          // Flink refused to start it (its main() failed, the jar is gone, ...): nothing runs, start the previous one.
          return rollBack(step, record, savepoint, "Flink did not start it: " + e.getMessage(), jobIds, rolledBack);
        }
        Optional<String> problem = jobs.awaitHealthy(jobIds.get(name), options.healthTimeout());
        if (problem.isEmpty()) {
          progress.accept(step.after().jobName() + " runs version " + step.after().stageVersion()
              + (dropState ? " without its old window state" : " with the state of " + savepoint));
          return after;
        }
        return rollBack(step, record, savepoint, problem.get(), jobIds, rolledBack);
      }
      default -> throw new IllegalStateException("stage " + name + ": " + step.why());
    }
  }

  /** Cancels the new version and starts the previous one from the same savepoint. */
  private DeploymentRecord rollBack(Step step, DeploymentRecord record, String savepoint, String problem,
      Map<String, String> jobIds, Map<String, String> rolledBack) throws IOException {
    String name = step.stage();
    String failed = jobIds.get(name);
    if (failed != null) {
      flink.cancel(failed);
    }
    String what = "version " + step.after().stageVersion() + " of stage " + name + " did not come up from "
        + (savepoint == null ? "a fresh start" : savepoint) + ": " + problem
        + (failed == null ? "" : "; cancelled it (job " + failed + ")");
    DeploymentRecord.Stage before = step.before();
    if (before == null || savepoint == null) {
      rolledBack.put(name, what + "; no previous version to start again: fix the stage and deploy again");
      progress.accept(rolledBack.get(name));
      jobIds.remove(name);
      return record;
    }
    try {
      String jobId = flink.run(before.jarId(), before.entryClass(), before.args(), savepoint);
      jobIds.put(name, jobId);
      rolledBack.put(name, what + "; started the previous version " + before.version() + " again from that savepoint"
          + " (job " + jobId + ")");
      progress.accept(rolledBack.get(name));
      return record.with(name, new DeploymentRecord.Stage(before.version(), before.shape(), before.parallelism(), jobId,
          before.jarId(), before.entryClass(), before.args(), savepoint, DeploymentRecord.RUNNING,
          before.stateGeneration()));
    } catch (IOException e) {
      rolledBack.put(name, what + "; the previous version " + before.version() + " could not start again either ("
          + e.getMessage() + "); its savepoint is " + savepoint);
      progress.accept(rolledBack.get(name));
      jobIds.remove(name);
      return record.with(name, before.stopped(savepoint));
    }
  }

  private String stop(Step step, StageJobs jobs, boolean drain) throws IOException, InterruptedException {
    String savepoint = jobs.stopWithSavepoint(step.runningJob(), savepointDir, drain);
    progress.accept("stopped " + step.jobName() + " (" + step.runningJob() + ") with " + (drain ? "a draining " : "a ")
        + "savepoint: " + savepoint);
    return savepoint;
  }

  /**
   * Starts {@code stage}, from {@code savepoint} if not null. A new {@code generation} (above the savepoint's) starts its
   * stateful operators without state: only the source's offsets and the sinks' transactions are restored.
   */
  private DeploymentRecord started(DeploymentRecord record, PlannedStage stage, String jarId, List<String> environment,
      String savepoint, int generation, boolean dropState, Map<String, String> jobIds) throws IOException {
    List<String> args = args(stage, environment, generation);
    String jobId = flink.run(jarId, stage.entryClass(), args, savepoint, dropState);
    jobIds.put(stage.name(), jobId);
    events.started(stage.name(), jobId);
    progress.accept("started " + stage.jobName() + " (" + jobId + ")" + (savepoint == null ? ""
        : (dropState ? " with the offsets and transactions of " : " from ") + savepoint));
    return record.with(stage.name(), new DeploymentRecord.Stage(stage.stageVersion(), stage.stateShape(),
        stage.parallelism(), jobId, jarId, stage.entryClass(), args, savepoint, DeploymentRecord.RUNNING, generation));
  }

  private static List<String> args(PlannedStage stage, List<String> environment, int generation) {
    List<String> args = new ArrayList<>(stage.programArgs());
    if (generation > 0) {
      args.addAll(List.of(STATE_GENERATION, Integer.toString(generation)));
    }
    args.addAll(environment);
    return args;
  }

  private static int generation(DeploymentRecord.Stage before) {
    return before == null ? 0 : before.stateGeneration();
  }


  /** Slots the deploy takes on top of what its stages hold now: started and resumed stages, grown parallelism. */
  private void requireSlots(Plan plan, List<Step> steps) throws IOException {
    int needed = 0;
    for (Step step : steps) {
      switch (step.action()) {
        case START, RESUME -> needed += step.after().parallelism();
        case RESTORE, DRAIN, DISCARD_STATE -> needed += step.runningJob() == null ? step.after().parallelism()
            : Math.max(0, step.after().parallelism() - (step.before() == null ? 1 : step.before().parallelism()));
        default -> { }
      }
    }
    var overview = flink.get("overview");
    List<String> others = flink.jobs().stream().filter(j -> !Deployer.isEnded(j.state())).map(FlinkRest.Job::name).toList();
    Optional<String> problem = SlotCheck.problem(plan.pipeline(), false, needed, overview.path("slots-total").asInt(),
        overview.path("slots-available").asInt(), others);
    if (problem.isPresent()) {
      throw new NotEnoughSlotsException(problem.get() + " (Flink at " + flink.url() + ")");
    }
  }

  /** The pipeline's jobs that have not ended, by stage name. */
  private Map<String, FlinkRest.Job> running(String pipeline) throws IOException {
    Map<String, FlinkRest.Job> running = new LinkedHashMap<>();
    for (FlinkRest.Job job : flink.jobs()) {
      if (job.name().startsWith(pipeline + "/") && !Deployer.isEnded(job.state())) {
        running.put(job.name().substring(pipeline.length() + 1), job);
      }
    }
    return running;
  }

  /**
   * Stops every running stage of {@code pipeline} with a savepoint ({@code drain}: its windows fire first) and records
   * it as stopped, so a later deploy or run resumes it. Returns each stopped stage's savepoint.
   */
  public Map<String, String> stop(String pipeline, boolean drain, Duration savepointTimeout)
      throws IOException, InterruptedException {
    DeploymentRecord record = record(pipeline);
    StageJobs jobs = new StageJobs(flink, savepointTimeout);
    Map<String, String> savepoints = new LinkedHashMap<>();
    for (Map.Entry<String, FlinkRest.Job> job : running(pipeline).entrySet()) {
      String savepoint = jobs.stopWithSavepoint(job.getValue().id(), savepointDir, drain);
      savepoints.put(job.getKey(), savepoint);
      progress.accept("stopped " + job.getValue().name() + " (" + job.getValue().id() + ") with " + (drain ? "a draining "
          : "a ") + "savepoint: " + savepoint);
      Optional<DeploymentRecord.Stage> before = record.stage(job.getKey());
      if (before.isPresent()) {
        record = record.with(job.getKey(), before.get().stopped(savepoint));
      } else {
        String version = flink.userConfig(job.getValue().id()).path(StageVersion.JOB_PARAMETER).asText("unknown");
        record = record.with(job.getKey(), new DeploymentRecord.Stage(version, null, 1, job.getValue().id(), null, null,
            List.of(), savepoint, DeploymentRecord.STOPPED, 0));
      }
      record.save(recordFile);
    }
    return savepoints;
  }
}
