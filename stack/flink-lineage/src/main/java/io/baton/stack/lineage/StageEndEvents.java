package io.baton.stack.lineage;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.core.execution.JobExecutionStatusEvent;
import org.apache.flink.core.execution.JobStatusChangedEvent;
import org.apache.flink.core.execution.JobStatusChangedListener;
import org.apache.flink.streaming.runtime.execution.JobCreatedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the OpenLineage end event of every streaming Baton stage job ({@code <pipeline>/<stage>}) when it reaches a
 * final state: FAILED is FAIL (with the error), CANCELED is ABORT, and FINISHED is ABORT too, because a streaming
 * stage never finishes by itself: it was stopped with a savepoint, to be resumed as a new run. Bounded runs' jobs
 * are left alone: the CLI waits for them and writes their end events.
 *
 * <p>Whether a job is streaming comes from its {@link JobCreatedEvent}, which the session cluster's
 * {@code /jars/run} sends in the same JVM before the job's status events; a job never seen created (submitted from
 * another process) gets no end event here. Events are written on the given executor, never on the JobManager's main
 * thread, and a failure to write is logged, never thrown.
 *
 * <pre>{@code
 * execution.job-status-changed-listeners: io.baton.stack.lineage.StageEndEventsFactory
 * baton.lineage.file: /home/me/baton/.baton/lineage/openlineage.jsonl
 * }</pre>
 */
final class StageEndEvents implements JobStatusChangedListener {
  private static final Logger LOG = LoggerFactory.getLogger(StageEndEvents.class);
  /** Each job's execution mode as its creation said; one map for the JVM (listeners are made per job and per run). */
  private static final Map<JobID, RuntimeExecutionMode> MODES = new ConcurrentHashMap<>();

  private final JsonLinesFile file;
  private final String namespace;
  private final Executor io;
  private final Clock clock;

  StageEndEvents(JsonLinesFile file, String namespace, Executor io, Clock clock) {
    this.file = file;
    this.namespace = namespace;
    this.io = io;
    this.clock = clock;
  }

  @Override
  public void onEvent(JobStatusChangedEvent event) {
    try {
      if (event instanceof JobCreatedEvent created && EndEvent.isStageJob(created.jobName())) {
        MODES.put(created.jobId(), created.executionMode());
      } else if (event instanceof JobExecutionStatusEvent status && status.newStatus().isGloballyTerminalState()) {
        ended(status);
      }
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("OpenLineage end events: could not handle {} of job {}", event.getClass().getSimpleName(), event.jobName(), e);
    }
  }

  private void ended(JobExecutionStatusEvent status) {
    RuntimeExecutionMode mode = MODES.remove(status.jobId());
    if (!EndEvent.isStageJob(status.jobName()) || mode != RuntimeExecutionMode.STREAMING) {
      if (EndEvent.isStageJob(status.jobName()) && mode == null) {
        LOG.info("OpenLineage end events: job {} ({}) was not created through this JobManager's /jars/run; no end event",
            status.jobName(), status.jobId());
      }
      return;
    }
    String type = type(status.newStatus());
    EndEvent end = EndEvent.of(type, namespace, status.jobName(), status.jobId().toHexString(), clock.instant(),
        status.newStatus() == JobStatus.FAILED ? status.exception() : null);
    io.execute(() -> write(end));
  }

  /** FAILED: FAIL; CANCELED, and FINISHED (a streaming job stopped with a savepoint): ABORT. */
  static String type(JobStatus finalStatus) {
    return switch (finalStatus) {
      case FAILED -> "FAIL";
      case CANCELED, FINISHED -> "ABORT";
      default -> throw new IllegalArgumentException("not a final job status: " + finalStatus);
    };
  }

  private void write(EndEvent end) {
    try {
      file.append(end.json());
    } catch (IOException | RuntimeException e) {
      LOG.warn("OpenLineage end events: could not write {} to {}", end, file.path(), e);
    }
  }
}
