package io.baton.examples.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.baton.flink.lineage.JobLineage;
import io.baton.flink.lineage.LineageSettings;
import io.baton.flink.lineage.StageRunEvents;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.Planner;
import io.openlineage.client.OpenLineage.Dataset;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.OpenLineage.SchemaDatasetFacetFields;
import io.openlineage.client.OpenLineageClientUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenLineage run events of the sensor story's stage jobs, built from its plan and read back as OpenLineage JSON. */
class SensorStoryLineageTest {
  private static final String JOB_ID = "0123456789abcdef0123456789abcdef";
  private static final ZonedDateTime AT = ZonedDateTime.of(2026, 12, 5, 11, 0, 0, 0, ZoneOffset.UTC);

  private final Plan plan = Planner.plan(new SensorStory());
  private final StageRunEvents events = new StageRunEvents(plan, "team-a", "broker-1:9093,broker-2:9093", true);

  /** Through the client's own JSON form, as a consumer reads it. */
  private RunEvent event(EventType type, String stage) {
    return OpenLineageClientUtils.runEventFromJson(OpenLineageClientUtils.toJson(events.event(type, stage, JOB_ID, AT, null)));
  }

  private static List<List<String>> fields(Dataset dataset) {
    return dataset.getFacets().getSchema().getFields().stream()
        .map(f -> List.of(f.getName(), f.getType())).toList();
  }

  @Test
  void sourceStageReadsTheOutsideTopicAndWritesItsHandoffAndDeadLetters() {
    RunEvent start = event(EventType.START, "readings");
    assertThat(start.getEventType()).isEqualTo(EventType.START);
    assertThat(start.getJob().getNamespace()).isEqualTo("team-a");
    assertThat(start.getJob().getName()).isEqualTo("sensor-story.readings");
    assertThat(start.getInputs()).extracting(Dataset::getNamespace, Dataset::getName)
        .containsExactly(tuple("kafka://broker-1:9093", "sensors.readings"));
    assertThat(start.getOutputs()).extracting(Dataset::getNamespace, Dataset::getName).containsExactly(
        tuple("kafka://broker-1:9093", "sensor-story.readings"),
        tuple("kafka://broker-1:9093", "sensor-story.readings.dead-letter"));
  }

  @Test
  void schemaFacetsListTheAvroFieldsOfEachTopicsRecords() {
    List<List<String>> reading = List.of(List.of("sensorId", "string"), List.of("celsius", "double"), List.of("timestamp", "long"));
    List<List<String>> summary = List.of(List.of("sensorId", "string"), List.of("windowStart", "long"),
        List.of("windowEnd", "long"), List.of("count", "int"), List.of("minCelsius", "double"),
        List.of("maxCelsius", "double"), List.of("meanCelsius", "double"));
    List<List<String>> alert = List.of(List.of("sensorId", "string"), List.of("windowEnd", "long"),
        List.of("meanCelsius", "double"), List.of("message", "string"));

    RunEvent readings = event(EventType.START, "readings");
    assertThat(fields(readings.getInputs().get(0))).isEqualTo(reading);
    assertThat(fields(readings.getOutputs().get(0))).isEqualTo(reading);
    assertThat(readings.getInputs().get(0).getFacets().getSchema().getFields())
        .extracting(SchemaDatasetFacetFields::getDescription)
        .containsExactly("Sensor that took the reading.", "Temperature in degrees Celsius.",
            "When the reading was taken, epoch milliseconds (event time).");
    RunEvent perMinute = event(EventType.START, "per-minute");
    assertThat(perMinute.getInputs()).extracting(Dataset::getName).containsExactly("sensor-story.readings");
    assertThat(fields(perMinute.getInputs().get(0))).isEqualTo(reading);
    assertThat(fields(perMinute.getOutputs().get(0))).isEqualTo(summary);
    RunEvent alerts = event(EventType.START, "alerts");
    assertThat(alerts.getOutputs()).extracting(Dataset::getName)
        .containsExactly("sensors.alerts", "sensor-story.alerts.dead-letter");
    assertThat(fields(alerts.getOutputs().get(0))).isEqualTo(alert);
  }

  @Test
  void deadLetterTopicHasNoSchemaFacetBecauseItHoldsRejectedBytesAsTheyCame() {
    assertThat(event(EventType.START, "readings").getOutputs().get(1).getFacets()).isNull();
  }

  @Test
  void runIdIsTheFlinkJobIdAndTheJobTypeSaysBatchForABoundedRun() {
    RunEvent complete = event(EventType.COMPLETE, "alerts");
    assertThat(complete.getRun().getRunId()).isEqualTo(UUID.fromString("01234567-89ab-cdef-0123-456789abcdef"));
    assertThat(complete.getJob().getFacets().getJobType().getProcessingType()).isEqualTo("BATCH");
    assertThat(complete.getJob().getFacets().getJobType().getIntegration()).isEqualTo("FLINK");
    assertThat(complete.getRun().getFacets().getAdditionalProperties().get("flink_job").getAdditionalProperties())
        .containsEntry("jobId", JOB_ID).containsEntry("jobName", "sensor-story/alerts");
  }

  @Test
  void flinkStatesBecomeOneEndEventEachWithTheFailureOnFail(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("lineage/openlineage.jsonl");
    String other = "fedcba9876543210fedcba9876543210";
    try (JobLineage lineage = LineageSettings.toFile(file).open(plan, "127.0.0.1:9092", false, line -> { })) {
      lineage.started("readings", JOB_ID);
      lineage.ended("readings", JOB_ID, "RUNNING", null);
      lineage.ended("readings", JOB_ID, "CANCELED", null);
      lineage.ended("readings", JOB_ID, "CANCELED", null);
      lineage.started("alerts", other);
      lineage.ended("alerts", other, "FAILED", "java.lang.IllegalStateException: boom");
    }
    List<RunEvent> read = Files.readAllLines(file).stream().map(OpenLineageClientUtils::runEventFromJson).toList();
    assertThat(read).extracting(e -> e.getJob().getName(), RunEvent::getEventType).containsExactly(
        tuple("sensor-story.readings", EventType.START), tuple("sensor-story.readings", EventType.ABORT),
        tuple("sensor-story.alerts", EventType.START), tuple("sensor-story.alerts", EventType.FAIL));
    assertThat(read.get(3).getRun().getFacets().getErrorMessage().getMessage())
        .isEqualTo("java.lang.IllegalStateException: boom");
    assertThat(read.get(0).getJob().getFacets().getJobType().getProcessingType()).isEqualTo("STREAMING");
    assertThat(read.get(0).getInputs().get(0).getNamespace()).isEqualTo("kafka://127.0.0.1:9092");
  }

  @Test
  void offEmitsNothingAndSaysSo() {
    assertThat(LineageSettings.off().enabled()).isFalse();
    assertThat(LineageSettings.off()).hasToString("LineageSettings.off()");
    assertThat(LineageSettings.toFile(Path.of("x.jsonl")).inNamespace("prod"))
        .hasToString("LineageSettings.toFile(x.jsonl).inNamespace(prod)");
  }
}
