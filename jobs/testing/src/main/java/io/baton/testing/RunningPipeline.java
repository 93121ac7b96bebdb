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
  private final java.nio.file.Path savepoints;

  RunningPipeline(String pipeline, Map<String, JobClient> jobs, java.nio.file.Path savepoints) {
    this.pipeline = pipeline;
    this.jobs = new java.util.LinkedHashMap<>(jobs);
    this.savepoints = savepoints;
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
    return java.util.Collections.unmodifiableMap(jobs);
  }

  /**
   * Stops every job with a final savepoint after advancing event time to the end, stage after
   * stage in dependency order: open windows fire and their output commits, as at the end of a
   * bounded run. Call it once upstream stages have read what they should, and before an input has
   * been quiet for the settings' idleness: Flink 2.2 drops the final watermark of a source that is
   * idle when drained (FLINK-40499), and its open windows then stay unfired. To close the windows of
   * a quiet input, declare {@code Topic.closeWindowsAfterIdle(..)} on its source.
   */
  public void drain(Duration timeout) throws Exception {
    for (JobClient job : jobs.values()) {
      job.stopWithSavepoint(true, savepoints.toUri().toString(),
          org.apache.flink.core.execution.SavepointFormatType.CANONICAL).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
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
      // The result completes (a cancelled job's exceptionally) once the job has ended.
      job.getJobExecutionResult().handle((result, failure) -> null).get(30, TimeUnit.SECONDS);
    }
  }
}
