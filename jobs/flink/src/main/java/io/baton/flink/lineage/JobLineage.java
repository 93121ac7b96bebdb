package io.baton.flink.lineage;

import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.OpenLineageClient;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Emits the run events of one run's stage jobs as whoever runs them sees their Flink states: START when a job has
 * been submitted, then once COMPLETE (FINISHED), FAIL (FAILED) or ABORT (CANCELED). Off the record path: a handful of
 * events per job. An event that cannot be sent is reported, never fails the run.
 *
 * <pre>{@code
 * try (JobLineage lineage = settings.open(plan, bootstrapServers, true, System.err::println)) {
 *   lineage.started("readings", jobId);
 *   lineage.ended("readings", jobId, "FINISHED", null);
 * }
 * }</pre>
 */
public final class JobLineage implements AutoCloseable {
  private static final JobLineage OFF = new JobLineage(null, null, line -> { });

  private final OpenLineageClient client;
  private final StageRunEvents events;
  private final Consumer<String> warnings;
  private final Set<String> ended = new HashSet<>();

  JobLineage(OpenLineageClient client, StageRunEvents events, Consumer<String> warnings) {
    this.client = client;
    this.events = events;
    this.warnings = warnings;
  }

  /** Emits nothing. */
  public static JobLineage off() {
    return OFF;
  }

  /** {@code stage}'s Flink job {@code jobId} was submitted: START. */
  public void started(String stage, String jobId) {
    emit(EventType.START, stage, jobId, null);
  }

  /**
   * {@code stage}'s job reached {@code flinkState}: FINISHED is COMPLETE, FAILED is FAIL (with {@code failure}),
   * CANCELED is ABORT, once per job; other states emit nothing.
   */
  public void ended(String stage, String jobId, String flinkState, String failure) {
    EventType type = switch (flinkState) {
      case "FINISHED" -> EventType.COMPLETE;
      case "FAILED" -> EventType.FAIL;
      case "CANCELED" -> EventType.ABORT;
      default -> null;
    };
    if (type != null && firstEnd(jobId)) {
      emit(type, stage, jobId, type == EventType.FAIL ? (failure == null ? "job failed" : failure) : null);
    }
  }

  private synchronized boolean firstEnd(String jobId) {
    return ended.add(jobId);
  }

  private void emit(EventType type, String stage, String jobId, String failure) {
    if (client == null) {
      return;
    }
    try {
      RunEvent event = events.event(type, stage, jobId, ZonedDateTime.now(ZoneOffset.UTC), failure);
      client.emit(event);
    } catch (RuntimeException e) {
      warnings.accept("lineage: could not emit " + type + " of " + events.jobName(stage) + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    if (client != null) {
      try {
        client.close();
      } catch (Exception e) {
        warnings.accept("lineage: closing the OpenLineage client failed: " + e.getMessage());
      }
    }
  }
}
