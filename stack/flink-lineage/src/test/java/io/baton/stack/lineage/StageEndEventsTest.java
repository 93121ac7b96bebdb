package io.baton.stack.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.OpenLineageClientUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.core.execution.DefaultJobExecutionStatusEvent;
import org.apache.flink.streaming.runtime.execution.DefaultJobCreatedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageEndEventsTest {
  private static final Instant AT = Instant.parse("2026-12-05T13:00:00Z");

  @TempDir
  Path dir;

  private Path file() {
    return dir.resolve("lineage/openlineage.jsonl");
  }

  private StageEndEvents listener() {
    return new StageEndEvents(new JsonLinesFile(file()), "baton", Runnable::run, Clock.fixed(AT, ZoneOffset.UTC));
  }

  private static JobID created(StageEndEvents listener, String name, RuntimeExecutionMode mode) {
    JobID id = new JobID();
    listener.onEvent(new DefaultJobCreatedEvent(id, name, null, mode));
    listener.onEvent(new DefaultJobExecutionStatusEvent(id, name, JobStatus.CREATED, JobStatus.RUNNING, null));
    return id;
  }

  private static void ends(StageEndEvents listener, JobID id, String name, JobStatus status, Throwable failure) {
    listener.onEvent(new DefaultJobExecutionStatusEvent(id, name, JobStatus.RUNNING, status, failure));
  }

  private List<RunEvent> events() throws Exception {
    return Files.exists(file()) ? Files.readAllLines(file()).stream().map(OpenLineageClientUtils::runEventFromJson).toList()
        : List.of();
  }

  private static UUID uuidOf(JobID id) {
    return UUID.fromString(id.toHexString().replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
  }

  @Test
  void aStreamingStageStoppedWithASavepointEndsWithAnAbortOfItsRun() throws Exception {
    StageEndEvents listener = listener();
    JobID id = created(listener, "sensor-story/per-minute", RuntimeExecutionMode.STREAMING);

    ends(listener, id, "sensor-story/per-minute", JobStatus.FINISHED, null);

    RunEvent event = events().get(0);
    assertThat(events()).hasSize(1);
    assertThat(event.getEventType()).isEqualTo(EventType.ABORT);
    assertThat(event.getRun().getRunId()).isEqualTo(uuidOf(id));
    assertThat(event.getJob().getNamespace()).isEqualTo("baton");
    assertThat(event.getJob().getName()).isEqualTo("sensor-story.per-minute");
    assertThat(event.getEventTime().toInstant()).isEqualTo(AT);
    assertThat(event.getJob().getFacets().getJobType().getProcessingType()).isEqualTo("STREAMING");
    assertThat(event.getRun().getFacets().getErrorMessage()).isNull();
  }

  @Test
  void aCancelledStreamingStageEndsWithAnAbort() throws Exception {
    StageEndEvents listener = listener();
    JobID id = created(listener, "p/s", RuntimeExecutionMode.STREAMING);

    ends(listener, id, "p/s", JobStatus.CANCELED, null);

    assertThat(events()).extracting(RunEvent::getEventType).containsExactly(EventType.ABORT);
  }

  @Test
  void aFailedStreamingStageEndsWithAFailCarryingTheRootCause() throws Exception {
    StageEndEvents listener = listener();
    JobID id = created(listener, "p/boom", RuntimeExecutionMode.STREAMING);

    ends(listener, id, "p/boom", JobStatus.FAILED,
        new RuntimeException("Recovery is suppressed", new IllegalStateException("poison record at offset 3")));

    RunEvent event = events().get(0);
    assertThat(event.getEventType()).isEqualTo(EventType.FAIL);
    assertThat(event.getRun().getFacets().getErrorMessage().getMessage())
        .isEqualTo("java.lang.RuntimeException: Recovery is suppressed; root cause: java.lang.IllegalStateException: poison record at offset 3");
    assertThat(event.getRun().getFacets().getErrorMessage().getProgrammingLanguage()).isEqualTo("JAVA");
    assertThat(event.getRun().getFacets().getErrorMessage().getStackTrace()).contains("poison record at offset 3");
  }

  @Test
  void boundedJobsAreLeftToTheCli() throws Exception {
    StageEndEvents listener = listener();
    JobID id = created(listener, "p/s", RuntimeExecutionMode.BATCH);

    ends(listener, id, "p/s", JobStatus.FINISHED, null);

    assertThat(events()).isEmpty();
  }

  @Test
  void jobsThatAreNotBatonStagesGetNoEvent() throws Exception {
    StageEndEvents listener = listener();
    JobID id = created(listener, "Flink Streaming Job", RuntimeExecutionMode.STREAMING);

    ends(listener, id, "Flink Streaming Job", JobStatus.CANCELED, null);

    assertThat(events()).isEmpty();
  }

  @Test
  void aJobNeverSeenCreatedGetsNoEvent() throws Exception {
    StageEndEvents listener = listener();
    JobID id = new JobID();

    ends(listener, id, "p/s", JobStatus.CANCELED, null);

    assertThat(events()).isEmpty();
  }

  @Test
  void restartsAndSuspensionAreNoEnd() throws Exception {
    StageEndEvents listener = listener();
    JobID id = created(listener, "p/s", RuntimeExecutionMode.STREAMING);

    ends(listener, id, "p/s", JobStatus.RESTARTING, null);
    ends(listener, id, "p/s", JobStatus.SUSPENDED, null);
    ends(listener, id, "p/s", JobStatus.CANCELED, null);

    assertThat(events()).extracting(RunEvent::getEventType).containsExactly(EventType.ABORT);
  }

  @Test
  void endEventsAreAppendedAfterWhatIsInTheFile() throws Exception {
    Files.createDirectories(file().getParent());
    Files.writeString(file(), "{\"eventType\":\"START\",\"eventTime\":\"2026-12-05T12:59:00Z\",\"run\":{\"runId\":"
        + "\"00000000-0000-0000-0000-000000000001\"},\"job\":{\"namespace\":\"baton\",\"name\":\"p.s\"},"
        + "\"producer\":\"urn:baton\",\"schemaURL\":\"" + EndEvent.RUN_EVENT_SCHEMA + "\"}\n");
    StageEndEvents listener = listener();
    JobID id = created(listener, "p/s", RuntimeExecutionMode.STREAMING);

    ends(listener, id, "p/s", JobStatus.CANCELED, null);

    assertThat(events()).extracting(RunEvent::getEventType).containsExactly(EventType.START, EventType.ABORT);
  }
}
