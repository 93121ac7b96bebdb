package io.baton.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.baton.connectors.RunId;
import io.baton.flink.lineage.LineageSettings;
import io.baton.testing.records.Gauge;
import io.openlineage.client.OpenLineage.Dataset;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.OpenLineage.SchemaDatasetFacetFields;
import io.openlineage.client.OpenLineageClientUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bounded run of two stages on real servers writes each stage job's OpenLineage START and COMPLETE to the file transport. */
class LineageIT {
  private static final String NAME = "lineage-file";

  @Test
  void eachStageJobGetsAStartAndACompleteWithItsTopicsAndOneRunId(@TempDir Path dir) throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    for (int i = 0; i < 5; i++) {
      driver.pipe(NAME + ".in", "g" + i, new Gauge("g" + i, i * 1.5, "C"), 1_767_225_600_000L + i);
    }
    Path file = dir.resolve("lineage/openlineage.jsonl");

    RunId run = driver.runBounded(DeployCheckIT.gauges(NAME), Duration.ofMinutes(2),
        LineageSettings.toFile(file).inNamespace("it"));

    assertThat(driver.readRun(NAME + ".copy", Gauge.class, run)).as("the run really ran").hasSize(5);
    List<RunEvent> events = Files.readAllLines(file).stream().map(OpenLineageClientUtils::runEventFromJson).toList();
    assertThat(events).extracting(e -> e.getJob().getName(), RunEvent::getEventType).containsExactly(
        tuple(NAME + ".gauges", EventType.START), tuple(NAME + ".gauges", EventType.COMPLETE),
        tuple(NAME + ".copy", EventType.START), tuple(NAME + ".copy", EventType.COMPLETE));
    assertThat(events).allSatisfy(e -> assertThat(e.getJob().getNamespace()).isEqualTo("it"));
    assertThat(events.get(0).getRun().getRunId()).isEqualTo(events.get(1).getRun().getRunId())
        .isNotEqualTo(events.get(2).getRun().getRunId());
    assertThat(events.get(2).getRun().getRunId()).isEqualTo(events.get(3).getRun().getRunId());
    assertThat(events.get(1).getEventTime()).isAfterOrEqualTo(events.get(0).getEventTime());

    String kafka = "kafka://" + driver.bootstrapServers().split(",")[0];
    for (RunEvent e : List.of(events.get(0), events.get(1))) {
      assertThat(e.getInputs()).extracting(Dataset::getNamespace, Dataset::getName)
          .containsExactly(tuple(kafka, NAME + ".in"));
      assertThat(e.getOutputs()).extracting(Dataset::getNamespace, Dataset::getName)
          .containsExactly(tuple(kafka, NAME + ".gauges"), tuple(kafka, NAME + ".gauges.dead-letter"));
    }
    for (RunEvent e : List.of(events.get(2), events.get(3))) {
      assertThat(e.getInputs()).extracting(Dataset::getName).containsExactly(NAME + ".gauges");
      assertThat(e.getOutputs()).extracting(Dataset::getName).containsExactly(NAME + ".copy", NAME + ".copy.dead-letter");
    }
    List<String> gaugeFields = Gauge.getClassSchema().getFields().stream()
        .map(f -> f.name() + ":" + f.schema().getType().getName()).toList();
    assertThat(schemaOf(events.get(3).getOutputs().get(0))).isEqualTo(gaugeFields).containsExactly(
        "id:string", "value:double", "unit:string");
    assertThat(schemaOf(events.get(0).getInputs().get(0))).isEqualTo(gaugeFields);
  }

  private static List<String> schemaOf(Dataset dataset) {
    return dataset.getFacets().getSchema().getFields().stream()
        .map((SchemaDatasetFacetFields f) -> f.getName() + ":" + f.getType()).toList();
  }
}
