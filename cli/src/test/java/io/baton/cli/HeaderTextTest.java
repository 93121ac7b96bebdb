package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.connectors.DeadLetter;
import io.baton.connectors.DeadLetterReason;
import io.baton.connectors.Header;
import io.baton.connectors.InputOffsets;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.LineageEncoder;
import io.baton.connectors.LineagePointer;
import io.baton.connectors.OutRecord;
import io.baton.connectors.Provenance;
import io.baton.connectors.RunId;
import io.baton.examples.sensor.SensorStory;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.Planner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Headers as {@code tail --headers} shows them. */
class HeaderTextTest {
  private final Plan plan = Planner.plan(new SensorStory());

  private static KafkaRecord record(String topic, List<Header> headers) {
    return KafkaRecord.builder().topic(topic).partition(0).offset(0).value(new byte[] {0}).headers(headers).build();
  }

  @Test
  void lineageNamesTheWritingStageItsVersionAndItsInputRanges() {
    InputOffsets inputs = InputOffsets.builder().addRange("sensor-story.readings", 0, 40, 45).add("sensor-story.readings", 0, 47).build();
    List<Header> headers = new ArrayList<>(Provenance.of("2", inputs).toHeaders(plan.stage("per-minute").inputTopics()));
    headers.add(Header.of("baton.run", RunId.at(Instant.parse("2026-12-05T05:12:03.457Z"), 0x3f9a01c2).toBytes()));
    headers.add(Header.ofString("trace-id", "t-42"));
    headers.add(Header.of("blob", new byte[] {1, 2, (byte) 0xff}));
    assertThat(HeaderText.of(record("sensor-story.per-minute", headers), Optional.of(plan))).containsExactly(
        Map.entry("baton.lineage", "stage per-minute, version 2, 7 inputs: sensor-story.readings:0:40-45,47"),
        Map.entry("baton.run", "20261205T051203.457Z-3f9a01c2"),
        Map.entry("trace-id", "t-42"),
        Map.entry("blob", "base64:AQL/"));
  }

  @Test
  void aPointerToTheLineageTopicSaysHowManyInputsItHoldsAndWhere() {
    InputOffsets.Builder scattered = InputOffsets.builder();
    for (int i = 0; i < 40_000; i++) {
      scattered.add("sensor-story.readings", 0, 2L * i);
    }
    byte[] exact = LineageEncoder.of("2", plan.stage("per-minute").inputTopics()).exact(scattered.build());
    LineagePointer p = LineagePointer.to(exact, 40_000, "per-minute", "sensor-story.lineage", 4);

    assertThat(HeaderText.of(record("sensor-story.per-minute", List.of(p.header())), Optional.of(plan))).containsExactly(
        Map.entry("baton.lineage", "stage per-minute, version 2, 40000 inputs in the lineage topic sensor-story.lineage:"
            + p.partition() + ", key " + p.key()));
    assertThat(p.key()).matches("per-minute/[0-9a-f]{64}");
  }

  @Test
  void aDeadLetterKeepsItsRecordsPointerAndNamesTheStageThatWroteThatRecord() {
    byte[] exact = LineageEncoder.of("1", plan.stage("per-minute").inputTopics())
        .exact(InputOffsets.builder().add("sensor-story.readings", 0, 3).add("sensor-story.readings", 0, 9).build());
    LineagePointer p = LineagePointer.to(exact, 2, "per-minute", "sensor-story.lineage", 4);
    KafkaRecord summary = KafkaRecord.builder().topic("sensor-story.per-minute").partition(0).offset(7)
        .value(new byte[] {0}).headers(List.of(p.header())).build();
    OutRecord letter = DeadLetter.forStage("sensor-story", "alerts", "sensor-story.alerts.dead-letter")
        .record(summary, DeadLetterReason.late(), "too late");

    assertThat(HeaderText.of(record("sensor-story.alerts.dead-letter", letter.headers()), Optional.of(plan)))
        .contains(Map.entry("baton.lineage", "stage per-minute, version 1, 2 inputs in the lineage topic sensor-story.lineage:"
            + p.partition() + ", key " + p.key()));
  }

  @Test
  void withoutAPlanInputsAreNumberedBySide() {
    List<Header> headers = Provenance.of("1", InputOffsets.of("x", 0, 5)).toHeaders(List.of("x"));
    assertThat(HeaderText.of(record("somewhere", headers), Optional.empty())).containsExactly(
        Map.entry("baton.lineage", "stage unknown (no pipeline writes somewhere), version 1, 1 input: input#0:0:5"));
  }

  @Test
  void anUnreadableHeaderIsShownAsItsBytesWithTheProblem() {
    List<Header> headers = List.of(Header.of("baton.lineage", new byte[] {9}));
    assertThat(HeaderText.of(record("sensors.alerts", headers), Optional.of(plan)).get(0).getValue())
        .isEqualTo("<unreadable: invalid baton.lineage header: unknown format 9, expected 1> base64:CQ==");
  }

  @Test
  void longInputListsAreCutAfterTheCount() {
    InputOffsets.Builder scattered = InputOffsets.builder();
    for (int i = 0; i < 200; i += 2) {
      scattered.add("t", 0, i);
    }
    String text = HeaderText.inputs(scattered.build());
    assertThat(text).startsWith("100 inputs: t:0:0,2,4,").endsWith("…").hasSize("100 inputs: ".length() + HeaderText.MAX_INPUTS_TEXT + 1);
  }
}
