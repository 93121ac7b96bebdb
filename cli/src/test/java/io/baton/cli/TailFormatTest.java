package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.connectors.DeadLetter;
import io.baton.connectors.DeadLetterReason;
import io.baton.connectors.Header;
import io.baton.connectors.InputOffsets;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.OutRecord;
import io.baton.connectors.Provenance;
import io.baton.examples.sensor.SensorStory;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.Planner;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.wire.WireEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Records as {@code baton tail} prints them, against an in-memory registry; and its last records past markers. */
class TailFormatTest {
  private static final String SCOPE = "tail-format-test";
  private final RegistryConfig config = RegistryConfig.inMemory(SCOPE);
  private final Plan plan = Planner.plan(new SensorStory());
  private SchemaRegistry registry;
  private ValueDecoder values;
  private WireEncoder<Reading> readings;

  @BeforeEach
  void open() {
    registry = SchemaRegistry.connect(config);
    values = ValueDecoder.of(config);
    readings = WireEncoder.forSpecific(Reading.class, registry.register("sensors.readings-value", Reading.getClassSchema()));
  }

  @AfterEach
  void close() {
    values.close();
    registry.close();
    SchemaRegistry.dropInMemory(SCOPE);
  }

  private static KafkaRecord record(String topic, long offset, String key, byte[] value, List<Header> headers) {
    return KafkaRecord.builder().topic(topic).partition(0).offset(offset).timestamp(0)
        .key(key.getBytes(StandardCharsets.UTF_8)).value(value).headers(headers).build();
  }

  @Test
  void aHandoffRecordShowsItsValueAndWithHeadersItsLineage() {
    List<Header> lineage = Provenance.of("1", InputOffsets.of("sensors.readings", 0, 7)).toHeaders(plan.stage("readings").inputTopics());
    KafkaRecord r = record("sensor-story.readings", 3, "s-1", readings.encode(new Reading("s-1", 21.5, 1000L)), lineage);
    assertThat(new TailFormat(Optional.of(plan), values, false).text(r))
        .isEqualTo("sensor-story.readings:0:3  key s-1  {\"sensorId\":\"s-1\",\"celsius\":21.5,\"timestamp\":1000}");
    assertThat(new TailFormat(Optional.of(plan), values, true).text(r).lines()).containsExactly(
        "sensor-story.readings:0:3  key s-1  {\"sensorId\":\"s-1\",\"celsius\":21.5,\"timestamp\":1000}",
        "    baton.lineage: stage readings, version 1, 1 input: sensors.readings:0:7");
  }

  @Test
  void aDeadLetterSaysWhoRejectedItWhyAndFromWhere() {
    KafkaRecord input = record("sensors.readings", 1, "s-2", readings.encode(new Reading("s-2", 500.0, 1000L)), List.of());
    OutRecord out = DeadLetter.forStage("sensor-story", "readings", "sensor-story.readings.dead-letter")
        .record(input, DeadLetterReason.parse("rule:celsius in physical range"), "rule is false", Instant.parse("2026-12-05T10:00:00Z"));
    KafkaRecord letter = record("sensor-story.readings.dead-letter", 0, "s-2", out.value(), out.headers());
    assertThat(new TailFormat(Optional.of(plan), values, false).text(letter)).isEqualTo(
        "sensor-story.readings.dead-letter:0:0  key s-2  {\"sensorId\":\"s-2\",\"celsius\":500.0,\"timestamp\":1000}"
            + "  ← readings rejected it: rule:celsius in physical range, from sensors.readings:0:1 (rule is false)");
    JsonNode json = new TailFormat(Optional.of(plan), values, false).json(letter);
    assertThat(json.get("deadLetter").toString()).isEqualTo("{\"reason\":\"rule:celsius in physical range\",\"rule\":\"celsius in physical range\","
        + "\"error\":\"rule is false\",\"stage\":\"readings\",\"source\":\"sensors.readings:0:1\",\"time\":\"2026-12-05T10:00:00Z\"}");
    assertThat(json.get("value").get("celsius").asDouble()).isEqualTo(500.0);
  }

  @Test
  void undecodableBytesAreShownInBase64WithTheReason() {
    byte[] garbage = "warm".getBytes(StandardCharsets.UTF_8);
    KafkaRecord r = record("sensors.readings", 2, "g", garbage, List.of());
    assertThat(new TailFormat(Optional.empty(), values, false).text(r))
        .isEqualTo("sensors.readings:0:2  key g  <4 bytes, not decodable: value has 4 byte(s), fewer than the 5-byte Confluent header> d2FybQ==");
    JsonNode json = new TailFormat(Optional.empty(), values, false).json(r);
    assertThat(json.get("value").isNull()).isTrue();
    assertThat(json.get("valueBase64").asText()).isEqualTo("d2FybQ==");
  }

  @Test
  void theLastRecordsAreFoundPastTransactionMarkers() {
    MemoryTopics topics = new MemoryTopics();
    byte[] v = readings.encode(new Reading("s-1", 1.0, 1L));
    topics.add("t", v, List.of()).add("t", v, List.of()).marker("t").add("t", v, List.of()).marker("t").marker("t");
    topics.publish();
    try (RecordFetcher fetch = new RecordFetcher(topics)) {
      TopicPartition tp = new TopicPartition("t", 0);
      assertThat(fetch.last(tp, 6, 1)).extracting(KafkaRecord::offset).containsExactly(3L);
      assertThat(fetch.last(tp, 6, 2)).extracting(KafkaRecord::offset).containsExactly(1L, 3L);
      assertThat(fetch.last(tp, 6, 10)).extracting(KafkaRecord::offset).containsExactly(0L, 1L, 3L);
      assertThat(fetch.last(tp, 6, 0)).isEmpty();
    }
  }
}
