package io.baton.flink.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.api.internal.ResourceNames;
import io.baton.connectors.KafkaClientConfig;
import io.baton.flink.deploy.FlinkRest;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Reads how a pipeline is doing from the session cluster (jobs, metrics, checkpoints, back-pressure) and Kafka
 * (its stages' consumer groups against their input topics' end offsets). A stage's job is its latest job named
 * {@code <pipeline>/<stage>}: one that has not ended if there is one, else the one that started last.
 *
 * <pre>{@code
 * try (StatusReader reader = new StatusReader(new FlinkRest(url), kafka)) {
 *   PipelineStatus status = reader.read(Planner.plan(new SensorStory()));
 *   List<PipelineSummary> all = reader.list();
 * }
 * }</pre>
 */
public final class StatusReader implements AutoCloseable {
  private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(15);

  private final FlinkRest flink;
  private final StageJobReader jobs;
  private final KafkaClientConfig kafka;
  private ConsumerLag lag;

  public StatusReader(FlinkRest flink, KafkaClientConfig kafka) {
    this.flink = flink;
    this.jobs = new StageJobReader(flink);
    this.kafka = kafka;
  }

  /** Every stage of {@code plan}, in its order. */
  public PipelineStatus read(Plan plan) throws IOException, ExecutionException, InterruptedException, TimeoutException {
    Map<String, JobEntry> latest = latestJobs();
    List<StageStatus> stages = new ArrayList<>();
    for (PlannedStage stage : plan.stages()) {
      Map<String, Long> stageLag = lag().of(ResourceNames.consumerGroup(plan.pipeline(), stage.name()),
          stage.inputTopics());
      JobEntry job = latest.get(stage.jobName());
      stages.add(job == null ? StageStatus.missing(stage.name(), stageLag)
          : jobs.read(stage.name(), job.id(), stageLag, ReasonNames.of(stage.accept())));
    }
    return new PipelineStatus(plan.pipeline(), flink.url(), Instant.now(), stages);
  }

  /** Every pipeline with jobs on the cluster, by name. */
  public List<PipelineSummary> list() throws IOException {
    Map<String, List<JobEntry>> byPipeline = new TreeMap<>();
    for (JobEntry job : latestJobs().values()) {
      int slash = job.name().indexOf('/');
      if (slash > 0) {
        byPipeline.computeIfAbsent(job.name().substring(0, slash), p -> new ArrayList<>()).add(job);
      }
    }
    List<PipelineSummary> all = new ArrayList<>();
    byPipeline.forEach((pipeline, stageJobs) -> all.add(PipelineSummary.of(pipeline,
        (int) stageJobs.stream().filter(j -> j.state().equals("RUNNING")).count(), stageJobs.size(),
        JobStates.worst(stageJobs.stream().map(JobEntry::state).toList()))));
    return PipelineSummary.sorted(all);
  }

  /** A job as {@code /jobs/overview} lists it. */
  private record JobEntry(String id, String name, String state, long startTime) {}

  /** Per job name, the job that has not ended, else the one started last. */
  private Map<String, JobEntry> latestJobs() throws IOException {
    Map<String, JobEntry> latest = new LinkedHashMap<>();
    Comparator<JobEntry> preferred = Comparator.<JobEntry>comparingInt(j -> JobStates.ended(j.state()) ? 0 : 1)
        .thenComparingLong(JobEntry::startTime);
    for (JsonNode j : flink.get("jobs/overview").path("jobs")) {
      JobEntry job = new JobEntry(j.path("jid").asText(), j.path("name").asText(), j.path("state").asText(),
          j.path("start-time").asLong());
      latest.merge(job.name(), job, (a, b) -> preferred.compare(a, b) >= 0 ? a : b);
    }
    return latest;
  }

  private ConsumerLag lag() {
    if (lag == null) {
      lag = new ConsumerLag(kafka, KAFKA_TIMEOUT);
    }
    return lag;
  }

  @Override
  public void close() {
    Optional.ofNullable(lag).ifPresent(ConsumerLag::close);
  }
}
