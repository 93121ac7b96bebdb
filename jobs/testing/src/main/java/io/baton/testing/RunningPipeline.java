package io.baton.testing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;

/**
 * The jobs of one pipeline started by {@link PipelineTestDriver#start}: one per stage. Closing it
 * cancels them.
 */
public final class RunningPipeline implements AutoCloseable {
  private final String pipeline;
  private final Map<String, JobClient> jobs;

  RunningPipeline(String pipeline, Map<String, JobClient> jobs) {
    this.pipeline = pipeline;
    this.jobs = Map.copyOf(jobs);
  }

  public String pipeline() {
    return pipeline;
  }

  /** The Flink job of a stage. */
  public JobClient job(String stage) {
    JobClient job = jobs.get(stage);
    if (job == null) {
      throw new IllegalArgumentException("pipeline " + pipeline + " has no running stage '" + stage + "'; it has "
          + jobs.keySet());
    }
    return job;
  }

  /** The current state of a stage's job. */
  public JobStatus status(String stage) throws Exception {
    return job(stage).getJobStatus().get(10, TimeUnit.SECONDS);
  }

  public Map<String, JobClient> jobs() {
    return jobs;
  }

  /** Cancels every job and waits for them to end. */
  @Override
  public void close() throws Exception {
    for (JobClient job : jobs.values()) {
      if (!job.getJobStatus().get(10, TimeUnit.SECONDS).isGloballyTerminalState()) {
        job.cancel().get(30, TimeUnit.SECONDS);
      }
    }
    for (JobClient job : jobs.values()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!job.getJobStatus().get(10, TimeUnit.SECONDS).isGloballyTerminalState() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
    }
  }
}
