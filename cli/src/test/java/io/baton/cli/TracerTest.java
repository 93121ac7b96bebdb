package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.connectors.DeadLetter;
import io.baton.connectors.DeadLetterReason;
import io.baton.connectors.Header;
import io.baton.connectors.InputOffsets;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.LineageEncoder;
import io.baton.connectors.LineagePointer;
import io.baton.connectors.OutRecord;
import io.baton.connectors.Provenance;
import io.baton.examples.sensor.SensorStory;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import io.baton.flink.plan.Planner;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.sensor.Alert;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import io.baton.schemas.wire.WireEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The walk and its text over topics held in memory (a mock consumer) and an in-memory registry: an alert of the sensor
 * story from 60 readings, a dead letter, an output without lineage, a raw record, and missing offsets.
 */
class TracerTest {
  private static final String SCOPE = "tracer-test";
  private static final String READINGS = "sensors.readings";
  private static final String HANDOFF = "sensor-story.readings";
  private static final String PER_MINUTE = "sensor-story.per-minute";
  private static final String ALERTS = "sensors.alerts";
  private static final String LETTERS = "sensor-story.readings.dead-letter";
  private static final String LINEAGE = "sensor-story.lineage";

  private final RegistryConfig config = RegistryConfig.inMemory(SCOPE);
  private final Plan plan = Planner.plan(new SensorStory());
  private final MemoryTopics topics = new MemoryTopics();
  private SchemaRegistry registry;
  private RecordFetcher fetch;
  private ValueDecoder values;

  @BeforeEach
  void fill() {
    registry = SchemaRegistry.connect(config);
    WireEncoder<Reading> reading = WireEncoder.forSpecific(Reading.class, registry.register(READINGS + "-value", Reading.getClassSchema()));
    WireEncoder<Summary> summary = WireEncoder.forSpecific(Summary.class, registry.register(PER_MINUTE + "-value", Summary.getClassSchema()));
    WireEncoder<Alert> alert = WireEncoder.forSpecific(Alert.class, registry.register(ALERTS + "-value", Alert.getClassSchema()));
    for (int i = 0; i < 60; i++) {
      byte[] value = reading.encode(new Reading("s-" + (i % 2), 40.0 + i, 1_000L * i));
      topics.add(READINGS, value, List.of());
      topics.add(HANDOFF, value, lineage("readings", InputOffsets.of(READINGS, 0, i)));
    }
    topics.add(READINGS, "temperature: warm".getBytes(StandardCharsets.UTF_8), List.of());
    InputOffsets.Builder odd = InputOffsets.builder();
    for (int i = 1; i < 60; i += 2) {
      odd.add(HANDOFF, 0, i);
    }
    topics.add(PER_MINUTE, summary.encode(new Summary("s-1", 0L, 60_000L, 30, 41.0, 99.0, 70.0)), lineage("per-minute", odd.build()));
    Alert hot = new Alert("s-1", 60_000L, 70.0, "mean 70.0 °C over 30 readings is above 40.0 °C");
    topics.add(ALERTS, alert.encode(hot), lineage("alerts", InputOffsets.of(PER_MINUTE, 0, 0)));
    topics.add(ALERTS, alert.encode(hot), List.of());
    // A summary whose header had to fall back to a span (a budget of 8 bytes), and its alert.
    topics.add(PER_MINUTE, summary.encode(new Summary("s-1", 0L, 60_000L, 30, 41.0, 99.0, 70.0)),
        Provenance.of("1", odd.build()).toHeaders(plan.stage("per-minute").inputTopics(), 8));
    topics.add(ALERTS, alert.encode(hot), lineage("alerts", InputOffsets.of(PER_MINUTE, 0, 1)));
    // A summary of a batch past the header budget: its exact inputs sit in the lineage topic, the header points there
    // (one partition here, as the memory topics have); and one whose lineage record is missing.
    byte[] exact = LineageEncoder.of("1", plan.stage("per-minute").inputTopics()).exact(odd.build());
    LineagePointer pointer = LineagePointer.to(exact, 30, "per-minute", LINEAGE, 1);
    pointer.records(exact).forEach(r -> topics.add(LINEAGE, r.key(), r.value(), r.headers()));
    topics.add(PER_MINUTE, summary.encode(new Summary("s-1", 0L, 60_000L, 30, 41.0, 99.0, 70.0)), List.of(pointer.header()));
    byte[] other = LineageEncoder.of("1", plan.stage("per-minute").inputTopics()).exact(InputOffsets.of(HANDOFF, 0, 2));
    topics.add(PER_MINUTE, summary.encode(new Summary("s-0", 0L, 60_000L, 1, 42.0, 42.0, 42.0)),
        List.of(LineagePointer.to(other, 1, "per-minute", LINEAGE, 1).header()));
    KafkaRecord rejected = KafkaRecord.builder().topic(READINGS).partition(0).offset(60)
        .value("temperature: warm".getBytes(StandardCharsets.UTF_8)).build();
    OutRecord letter = DeadLetter.forStage("sensor-story", "readings", LETTERS).record(rejected, DeadLetterReason.malformed(), "magic byte is 0x74");
    topics.add(LETTERS, letter.value(), letter.headers());
    topics.publish();
    fetch = new RecordFetcher(topics);
    values = ValueDecoder.of(config);
  }

  @AfterEach
  void close() {
    values.close();
    registry.close();
    SchemaRegistry.dropInMemory(SCOPE);
  }

  private List<Header> lineage(String stage, InputOffsets inputs) {
    return Provenance.of("1", inputs).toHeaders(plan.stage(stage).inputTopics());
  }

  private Trace trace(String topic, long offset, int depth) {
    return new Tracer(plan, fetch, values, 5, depth).trace(topic, 0, offset);
  }

  @Test
  void anAlertIsWalkedBackToExactlyItsReadingsFiveShownAndTheRestCounted() {
    Trace trace = trace(ALERTS, 0, 20);
    assertThat(trace.hops()).extracting(Trace.Hop::stage).containsExactly("alerts", "per-minute", "readings");
    Trace.Hop source = trace.hops().get(2);
    assertThat(source.raw()).isTrue();
    InputOffsets.Builder odd = InputOffsets.builder();
    for (int i = 1; i < 60; i += 2) {
      odd.add(READINGS, 0, i);
    }
    assertThat(source.inputs()).isEqualTo(odd.build());
    assertThat(source.shown()).extracting(Trace.Item::offset).containsExactly(1L, 3L, 5L, 7L, 9L);
    assertThat(source.more()).isEqualTo(25);

    List<String> lines = TraceText.lines(trace, 0);
    assertThat(lines.get(0)).isEqualTo(ALERTS + ":0:0  {\"sensorId\":\"s-1\",\"windowEnd\":60000,\"meanCelsius\":70.0,"
        + "\"message\":\"mean 70.0 °C over 30 readings is above 40.0 °C\"}");
    assertThat(lines.get(1)).isEqualTo("hop 1  alerts  " + plan.stage("alerts").batch() + "  version 1  ← 1 input: " + PER_MINUTE + ":0:0");
    assertThat(lines).contains("hop 3  readings  " + plan.stage("readings").batch() + "  version 1  ← 30 raw source records: "
        + odd.build().encode());
    assertThat(lines).containsSequence(
        "  " + READINGS + ":0:9  {\"sensorId\":\"s-1\",\"celsius\":49.0,\"timestamp\":9000}",
        "  … and 25 more");
    assertThat(lines).hasSize(1 + (1 + 1) + (1 + 5 + 1) + (1 + 5 + 1));
  }

  @Test
  void theJsonFormListsEveryInputAndTheFirstRecords() {
    JsonNode json = TraceText.json(trace(ALERTS, 0, 20));
    JsonNode source = json.get("hops").get(2);
    assertThat(source.get("inputCount").asLong()).isEqualTo(30);
    assertThat(source.get("more").asLong()).isEqualTo(25);
    assertThat(source.get("records")).hasSize(5);
    assertThat(source.get("records").get(0).get("value").get("celsius").asDouble()).isEqualTo(41.0);
    assertThat(InputOffsets.decode(source.get("inputs").asText()).count()).isEqualTo(30);
  }

  @Test
  void depthStopsTheWalkAndSaysSo() {
    Trace trace = trace(ALERTS, 0, 2);
    assertThat(trace.hops()).extracting(Trace.Hop::stage).containsExactly("alerts", "per-minute");
    assertThat(TraceText.lines(trace, 0)).last().isEqualTo("(stopped after 2 hops (--depth))");
  }

  @Test
  void aRecordWithoutLineageSaysSo() {
    Trace trace = trace(ALERTS, 1, 20);
    assertThat(trace.hops()).hasSize(1);
    assertThat(TraceText.lines(trace, 0)).containsExactly(
        ALERTS + ":0:1  {\"sensorId\":\"s-1\",\"windowEnd\":60000,\"meanCelsius\":70.0,\"message\":\"mean 70.0 °C over 30 readings is above 40.0 °C\"}",
        "hop 1  alerts  " + plan.stage("alerts").batch() + "  version 1",
        "  (no lineage header)");
  }

  @Test
  void anOutputOfAStageWithLineageOffSaysWhy() {
    List<PlannedStage> stages = plan.stages().stream().map(s -> !s.name().equals("alerts") ? s
        : new PlannedStage(s.name(), s.kind(), s.inputs(), s.inputTopics(), s.inputClasses(), s.outputTopic(), s.deadLetterTopic(),
            s.outputClass(), s.batch(), s.function(), s.accept(), s.eventTime(), s.parallelism(), s.delivery(), s.version(),
            false, s.jobName(), s.entryClass(), s.programArgs(), s.stageVersion(), s.stateShape())).toList();
    Plan quiet = new Plan(plan.pipeline(), plan.definitionClass(), stages, plan.levels(), plan.topics(), plan.subjects(), plan.schemas());
    Trace trace = new Tracer(quiet, fetch, values, 5, 20).trace(ALERTS, 0, 1);
    assertThat(trace.hops()).singleElement().satisfies(h -> {
      assertThat(h.inputs().isEmpty()).isTrue();
      assertThat(h.notes()).containsExactly("no lineage: the stage runs with lineage(false)");
    });
  }

  @Test
  void approximateSpansAreShownAsSuchAndNotRead() {
    List<String> lines = TraceText.lines(trace(ALERTS, 2, 20), 20);
    assertThat(lines).containsSequence(
        "hop 2  per-minute  " + plan.stage("per-minute").batch() + "  version 1  ← inputs within spans: " + HANDOFF + ":0:~1-59",
        "  (the header lists approximate spans, not exact records: the spans' records are not read)");
    assertThat(lines).noneMatch(l -> l.startsWith("hop 3"));
  }

  @Test
  void aPointerIsResolvedInTheLineageTopicToExactlyTheBatchsInputs() {
    Trace trace = trace(PER_MINUTE, 2, 20);

    assertThat(trace.hops()).extracting(Trace.Hop::stage).containsExactly("per-minute", "readings");
    InputOffsets.Builder oddHandoff = InputOffsets.builder();
    InputOffsets.Builder oddReadings = InputOffsets.builder();
    for (int i = 1; i < 60; i += 2) {
      oddHandoff.add(HANDOFF, 0, i);
      oddReadings.add(READINGS, 0, i);
    }
    Trace.Hop batch = trace.hops().get(0);
    assertThat(batch.inputs()).isEqualTo(oddHandoff.build());
    assertThat(batch.notes()).singleElement().asString()
        .startsWith("exact inputs read from the lineage topic (the batch passed the header budget): " + LINEAGE + ":0 key per-minute/");
    assertThat(trace.hops().get(1).inputs()).isEqualTo(oddReadings.build());
    assertThat(TraceText.lines(trace, 0)).contains("hop 1  per-minute  " + plan.stage("per-minute").batch()
        + "  version 1  ← 30 inputs: " + oddHandoff.build().encode());
  }

  @Test
  void aPointerWhoseLineageRecordIsMissingSaysSo() {
    Trace trace = trace(PER_MINUTE, 3, 20);

    assertThat(trace.hops()).singleElement().satisfies(h -> {
      assertThat(h.inputs().isEmpty()).isTrue();
      assertThat(h.notes()).singleElement().asString().startsWith(PER_MINUTE + ":0:3: the lineage topic " + LINEAGE
          + "-0 holds 0 of the 1 records of per-minute/");
    });
  }

  @Test
  void aDeadLetterShowsTheReasonAndTheRecordItRejected() {
    List<String> lines = TraceText.lines(trace(LETTERS, 0, 20), 60);
    assertThat(lines).containsExactly(
        LETTERS + ":0:0  <17 bytes, not decodable: magic byte is 0x74, expected 0x00 …",
        "hop 1  readings  " + plan.stage("readings").batch() + "  version 1  rejected it: malformed (magic byte is 0x74)"
            + "  ← 1 raw source record: " + READINGS + ":0:60",
        "  " + READINGS + ":0:60  <17 bytes, not decodable: magic byte is 0x74, expected 0x00 …");
  }

  @Test
  void aRawRecordHasNoHops() {
    Trace trace = trace(READINGS, 3, 20);
    assertThat(trace.hops()).isEmpty();
    assertThat(trace.notes()).containsExactly(READINGS + " is an input of sensor-story that no stage writes: this is a raw source record");
  }

  @Test
  void aMissingOffsetOrPartitionIsOneLine() {
    assertThatThrownBy(() -> trace(ALERTS, 9, 20)).isInstanceOf(CliException.class)
        .hasMessage("no offset 9 in " + ALERTS + ":0, whose offsets run from 0 to 2");
    assertThatThrownBy(() -> new Tracer(plan, fetch, values, 5, 20).trace(ALERTS, 4, 0)).isInstanceOf(CliException.class)
        .hasMessage("topic " + ALERTS + " has no partition 4 (it has 1)");
    assertThatThrownBy(() -> trace("nowhere", 0, 20)).isInstanceOf(CliException.class).hasMessage("topic nowhere does not exist");
  }
}
