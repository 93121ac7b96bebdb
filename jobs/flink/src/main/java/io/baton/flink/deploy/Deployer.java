package io.baton.flink.deploy;

import io.baton.api.internal.ResourceNames;
import io.baton.connectors.KafkaClientConfig;
import io.baton.flink.lineage.JobLineage;
import io.baton.flink.lineage.LineageSettings;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import io.baton.flink.plan.PlannedSubject;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.SchemaRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a plan on a session cluster: check it (deploy-time acceptance) → create topics → register
 * schemas → upload the job jar once → start one job per stage. Streaming, every job starts at
 * once; bounded, group after group, each waiting for the one before to finish. Registry and Kafka
 * credentials reach the jobs through files, never their arguments (see {@link Target}); a stage whose principal has
 * a login of its own ({@code baton acl --apply}) gets that file instead of the pipeline's.
 *
 * <pre>{@code
 * Deployer deployer = new Deployer(target, System.out::println);
 * Map<String, String> jobIds = deployer.deploy(plan, Path.of("jobs/examples/target/baton-examples.jar"), false);
 * }</pre>
 */
public final class Deployer {
  private static final Duration FINISH_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(1);
  private static final Set<String> ENDED = Set.of("FINISHED", "FAILED", "CANCELED");

  private final Target target;
  private final Consumer<String> progress;
  private final LineageSettings lineage;

  public Deployer(Target target, Consumer<String> progress) {
    this(target, progress, LineageSettings.off());
  }

  /** A deployer that emits each stage job's OpenLineage run events as {@code lineage} says (see {@link JobLineage}). */
  public Deployer(Target target, Consumer<String> progress, LineageSettings lineage) {
    this.target = target;
    this.progress = progress;
    this.lineage = lineage;
  }

  /** Deploys and returns the Flink job id of each stage, in plan order. */
  public Map<String, String> deploy(Plan plan, Path jobJar, boolean bounded)
      throws DeployRefusedException, IOException, ExecutionException, InterruptedException {
    SlotCheck.require(new FlinkRest(target.flinkRestUrl()), plan, bounded); // before anything is created
    prepare(plan);
    return start(plan, jobJar, bounded);
  }

  /** Checks the plan against the registry, then creates its topics and registers its subjects. */
  public void prepare(Plan plan) throws DeployRefusedException, ExecutionException, InterruptedException {
    try (SchemaRegistry registry = SchemaRegistry.connect(target.registry())) {
      List<String> problems = new DeployCheck(registry).problems(plan);
      if (!problems.isEmpty()) {
        throw new DeployRefusedException(plan.pipeline(), problems);
      }
      try (Topics topics = new Topics(target.kafka(), target.topics())) {
        List<String> created = topics.createMissing(plan.topics());
        progress.accept("topics: " + created.size() + " created, " + (plan.topics().size() - created.size()) + " existed");
      }
      for (PlannedSubject subject : plan.subjects()) {
        int id = registry.register(subject.subject(), plan.schema(subject.recordClass()));
        progress.accept("subject " + subject.subject() + " → schema id " + id);
      }
    }
  }

  /** Uploads the job jar once and starts the stages' jobs (bounded: group after group, waiting, see {@link BoundedRun}). */
  public Map<String, String> start(Plan plan, Path jobJar, boolean bounded) throws IOException, InterruptedException {
    FlinkRest flink = new FlinkRest(target.flinkRestUrl());
    SlotCheck.require(flink, plan, bounded);
    Map<String, List<String>> environment = environments(plan, bounded);
    String jarId = JarUploads.ensure(flink, jobJar);
    progress.accept("job jar on the cluster: " + jarId);
    Map<String, String> jobIds = new LinkedHashMap<>();
    if (lineage.enabled()) {
      progress.accept("OpenLineage run events: " + lineage);
    }
    try (JobLineage events = lineage.open(plan, target.kafka().bootstrapServers(), bounded, progress)) {
      if (bounded) {
        BoundedRun run = new BoundedRun(plan, target.kafka(), SETTLE_TIMEOUT);
        progress.accept("bounded run " + run.runId() + " (header baton.run on its outputs and dead letters)");
        run.run((level, step) -> awaitFinished(flink,
            startLevel(flink, jarId, plan, level, stage -> with(environment.get(stage), step.jobArgs(stage)), jobIds, events),
            FINISH_TIMEOUT, (job, state) -> events.ended(stageOf(jobIds, job), job, state,
                state.equals("FAILED") ? failure(flink, job) : null)));
      } else {
        for (List<String> level : plan.levels()) {
          startLevel(flink, jarId, plan, level, environment::get, jobIds, events);
        }
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      cancelStarted(flink, jobIds);
      throw e;
    }
    return jobIds;
  }

  /** A run that failed leaves nothing of its own running: cancels each job it started that has not ended. */
  private void cancelStarted(FlinkRest flink, Map<String, String> jobIds) {
    for (Map.Entry<String, String> job : jobIds.entrySet()) {
      String what = "stage " + job.getKey() + " (" + job.getValue() + ")";
      try {
        if (flink.jobs().stream().anyMatch(j -> j.id().equals(job.getValue()) && !ENDED.contains(j.state()))) {
          flink.cancel(job.getValue());
          progress.accept("cancelled " + what + " because the run failed");
        }
      } catch (IOException | RuntimeException e) {
        progress.accept("could not cancel " + what + ": " + e.getMessage() + "; cancel it at " + flink.url());
      }
    }
  }

  /** Each stage's environment arguments: Kafka as its own principal where it has a login, else as the pipeline. */
  Map<String, List<String>> environments(Plan plan, boolean bounded) {
    KafkaClientConfig pipelineKafka = target.kafkaForJobs(plan.pipeline());
    RegistryConfig registry = target.registryForJobs(plan.pipeline());
    Map<String, List<String>> environments = new LinkedHashMap<>();
    for (PlannedStage stage : plan.stages()) {
      Optional<KafkaClientConfig> own = target.kafkaForStage(plan.pipeline(), stage.name());
      own.ifPresent(k -> progress.accept("stage " + stage.name() + " logs in to Kafka as its own principal "
          + ResourceNames.stagePrincipal(plan.pipeline(), stage.name()) + " (" + k.propertiesFile().orElseThrow() + ")"));
      environments.put(stage.name(), target.jobArgs(own.orElse(pipelineKafka), registry, bounded));
    }
    return environments;
  }

  /** True for a job state that does not change any more. */
  static boolean isEnded(String state) {
    return ENDED.contains(state);
  }

  /** A failed job's first exception as Flink's REST API keeps it ({@code /jobs/<id>/exceptions}), for the FAIL event. */
  private static String failure(FlinkRest flink, String jobId) {
    try {
      var entry = flink.get("jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries").path(0);
      String trace = entry.path("stacktrace").asText("");
      return trace.isEmpty() ? entry.path("exceptionName").asText("job failed") : trace.lines().findFirst().orElse(trace);
    } catch (IOException | RuntimeException e) {
      return "job failed (its exceptions could not be read: " + e.getMessage() + ")";
    }
  }

  private static String stageOf(Map<String, String> jobIds, String jobId) {
    return jobIds.entrySet().stream().filter(e -> e.getValue().equals(jobId)).findFirst().orElseThrow().getKey();
  }

  private static List<String> with(List<String> environment, List<String> more) {
    List<String> all = new ArrayList<>(environment);
    all.addAll(more);
    return all;
  }

  /** Starts one job per stage of {@code level}, records their ids in {@code jobIds} and returns them. */
  private List<String> startLevel(FlinkRest flink, String jarId, Plan plan, List<String> level,
      Function<String, List<String>> environment, Map<String, String> jobIds, JobLineage events)
      throws IOException, InterruptedException {
    List<String> started = new ArrayList<>();
    for (String stageName : level) {
      PlannedStage stage = plan.stage(stageName);
      List<String> args = new ArrayList<>(stage.programArgs());
      args.addAll(environment.apply(stageName));
      String jobId = flink.run(jarId, stage.entryClass(), args);
      jobIds.put(stageName, jobId);
      started.add(jobId);
      progress.accept("started " + stage.jobName() + " (" + jobId + ")");
      events.started(stageName, jobId);
    }
    return started;
  }

  /** Waits until every job has finished; a failed or cancelled one ends the wait with an error. */
  static void awaitFinished(FlinkRest flink, List<String> jobIds, Duration timeout)
      throws IOException, InterruptedException {
    awaitFinished(flink, jobIds, timeout, (job, state) -> { });
  }

  /** Like {@link #awaitFinished(FlinkRest, List, Duration)}, telling {@code seen} each job's state (id, state) as polled. */
  static void awaitFinished(FlinkRest flink, List<String> jobIds, Duration timeout, BiConsumer<String, String> seen)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      Map<String, String> states = new LinkedHashMap<>();
      flink.jobs().stream().filter(j -> jobIds.contains(j.id())).forEach(j -> {
        states.put(j.name(), j.state());
        seen.accept(j.id(), j.state());
      });
      for (Map.Entry<String, String> e : states.entrySet()) {
        if (e.getValue().equals("FAILED") || e.getValue().equals("CANCELED")) {
          throw new IOException("job " + e.getKey() + " ended " + e.getValue() + "; see the Flink web UI at " + flink.url());
        }
      }
      if (states.size() == jobIds.size() && states.values().stream().allMatch("FINISHED"::equals)) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IOException("jobs did not finish within " + timeout + ": " + states);
      }
      Thread.sleep(250);
    }
  }
}
