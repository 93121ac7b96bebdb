package io.baton.examples.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.Delivery;
import io.baton.api.internal.PipelineGraph;
import io.baton.api.internal.StageSpec;
import io.baton.api.accept.Excess;
import io.baton.api.accept.RateLimit;
import io.baton.api.accept.Rule;
import io.baton.api.batch.Every;
import io.baton.api.fn.BatchWindow;
import io.baton.api.fn.StageFunction;
import io.baton.schemas.sensor.Alert;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SensorStoryTest {

  private final PipelineGraph graph = new SensorStory().define().build();

  @Test
  void buildsThreeStagesOneAfterAnother() {
    assertThat(graph.name()).isEqualTo("sensor-story");
    assertThat(graph.stageNames()).containsExactly("readings", "per-minute", "alerts");
    assertThat(graph.levels()).containsExactly(List.of("readings"), List.of("per-minute"), List.of("alerts"));
  }

  @Test
  void stagesHandOffThroughTheirTopics() {
    StageSpec readings = graph.stage("readings");
    assertThat(readings.source()).isTrue();
    assertThat(readings.inputTopics()).containsExactly("sensors.readings");
    assertThat(readings.outputTopic()).isEqualTo("sensor-story.readings");
    assertThat(readings.outputClass()).isEqualTo(Reading.class);

    StageSpec perMinute = graph.stage("per-minute");
    assertThat(perMinute.inputTopics()).containsExactly("sensor-story.readings");
    assertThat(perMinute.outputTopic()).isEqualTo("sensor-story.per-minute");
    assertThat(perMinute.outputClass()).isEqualTo(Summary.class);
    assertThat(perMinute.deadLetterTopic()).isEqualTo("sensor-story.per-minute.dead-letter");

    StageSpec alerts = graph.stage("alerts");
    assertThat(alerts.inputTopics()).containsExactly("sensor-story.per-minute");
    assertThat(alerts.outputTopic()).isEqualTo("sensors.alerts");
    assertThat(alerts.outputClass()).isEqualTo(Alert.class);
    assertThat(alerts.delivery()).isEqualTo(Delivery.EXACTLY_ONCE);
  }

  @Test
  void sourceAcceptsByRangeSizeAndRatePerSensor() {
    StageSpec readings = graph.stage("readings");
    assertThat(readings.accept()).hasToString("Accept.schema().rule(\"celsius in physical range\")"
        + ".maxRecordBytes(16384).rateLimitPerKey(sensorId, 50, PT1S)");
    assertThat(readings.accept().maxRecordBytes()).hasValue(16_384);
    RateLimit<?> limit = readings.accept().rateLimit().orElseThrow();
    assertThat(limit.keyName()).isEqualTo("sensorId");
    assertThat(limit.permits()).isEqualTo(50);
    assertThat(limit.per()).isEqualTo(Duration.ofSeconds(1));
    assertThat(limit.excess()).isEqualTo(Excess.DEAD_LETTER);
  }

  @Test
  @SuppressWarnings("unchecked")
  void rangeRuleLetsInMinus90To60Celsius() throws Exception {
    Rule<Reading> rule = (Rule<Reading>) graph.stage("readings").accept().rules().get(0);
    assertThat(rule.reason()).isEqualTo("rule:celsius in physical range");
    assertThat(rule.predicate().test(reading(-90.0))).isTrue();
    assertThat(rule.predicate().test(reading(60.0))).isTrue();
    assertThat(rule.predicate().test(reading(21.5))).isTrue();
    assertThat(rule.predicate().test(reading(60.1))).isFalse();
    assertThat(rule.predicate().test(reading(-90.1))).isFalse();
    assertThat(rule.predicate().test(reading(500.0))).isFalse();
  }

  @Test
  @SuppressWarnings("unchecked")
  void eventTimeComesFromTheReadingWithFiveSecondsOfDisorder() throws Exception {
    StageSpec.EventTime time = graph.stage("readings").eventTime().orElseThrow();
    assertThat(time.outOfOrderness()).isEqualTo(Duration.ofSeconds(5));
    var timestamp = (io.baton.api.fn.TimestampFunction<Reading>) time.timestamp().orElseThrow();
    assertThat(timestamp.timestamp(new Reading("s", 1.0, 1_234L))).isEqualTo(1_234L);
    assertThat(graph.stage("per-minute").eventTime()).get()
        .satisfies(t -> assertThat(t.outOfOrderness()).isEqualTo(Duration.ofSeconds(5)));
  }

  @Test
  void perMinuteBatchesEachSensorsMinuteWithTenSecondsGrace() {
    StageSpec perMinute = graph.stage("per-minute");
    assertThat(perMinute.batch()).isInstanceOf(Every.class)
        .hasToString("Batch.every(PT1M) keyedBy sensorId withGrace(PT10S)");
    assertThat(((Every) perMinute.batch()).size()).isEqualTo(Duration.ofMinutes(1));
    assertThat(perMinute.batch().grace()).isEqualTo(Duration.ofSeconds(10));
    assertThat(perMinute.function()).get().isInstanceOf(StageFunction.Aggregate.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void stagesRunSummariesAndAlerts() throws Exception {
    var summarise = (StageFunction.Aggregate<String, Reading, Summaries.Running, Summary>)
        graph.stage("per-minute").function().orElseThrow();
    var agg = summarise.aggregation();
    Summaries.Running running = agg.add(agg.createAccumulator(), new Reading("s-1", 41.0, 60_000L));
    Summary summary = agg.result("s-1", new BatchWindow(60_000L, 120_000L),
        agg.merge(running, agg.add(agg.createAccumulator(), new Reading("s-1", 43.0, 61_000L))));
    // Both readings lie in the minute 60 000 .. 120 000 ms.
    assertThat(summary).isEqualTo(new Summary("s-1", 60_000L, 120_000L, 2, 41.0, 43.0, 42.0));

    var alert = (StageFunction.Map<Summary, Alert>) graph.stage("alerts").function().orElseThrow();
    assertThat(alert.fn().apply(summary))
        .isEqualTo(new Alert("s-1", 120_000L, 42.0, "mean 42.0 °C over 2 readings is above 40.0 °C"));
    assertThat(alert.fn().apply(new Summary("s-1", 60_000L, 120_000L, 2, 39.0, 41.0, 40.0))).as("40 °C is not hot").isNull();
    assertThat(graph.stage("alerts").batch()).hasToString("Batch.each()");
  }

  private static Reading reading(double celsius) {
    return new Reading("sensor-001", celsius, 0L);
  }
}
