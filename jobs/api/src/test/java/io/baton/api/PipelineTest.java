package io.baton.api;

import io.baton.api.internal.PipelineGraph;
import io.baton.api.internal.StageSpec;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.batch.Batch;
import io.baton.api.fn.Fn;
import io.baton.api.testrecords.CelsiusOnly;
import io.baton.api.testrecords.Reading;
import io.baton.api.testrecords.Summary;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineTest {

  static Summary summarize(String sensor, List<Reading> readings) {
    return new Summary(sensor, readings.size());
  }

  static Pipeline sensorPipeline() {
    Pipeline p = Pipeline.named("sensor-story");
    Stage<Reading> readings = p.source("readings",
        Topic.of("sensors.readings", Reading.class).eventTime(Reading::getTimestamp, Duration.ofSeconds(5)));
    Stage<Summary> perMinute = p.stage("per-minute", readings,
        Batch.every(Duration.ofMinutes(1)).keyedBy(Reading::getSensorId), PipelineTest::summarize);
    Stage<Summary> busy = p.stage("busy", perMinute, Batch.each(), Fn.filter(s -> s.getCount() > 10));
    p.output(busy, Topic.of("sensors.busy", Summary.class));
    return p;
  }

  @Test
  void graphComesFromDataDependencies() {
    PipelineGraph graph = sensorPipeline().build();
    assertThat(graph.stageNames()).containsExactly("readings", "per-minute", "busy");
    assertThat(graph.levels()).containsExactly(List.of("readings"), List.of("per-minute"), List.of("busy"));
    assertThat(graph.consumersOf("readings")).extracting(StageSpec::name).containsExactly("per-minute");
  }

  @Test
  void stagesGetDefaultHandoffAndDeadLetterTopics() {
    PipelineGraph graph = sensorPipeline().build();
    StageSpec perMinute = graph.stage("per-minute");
    assertThat(perMinute.inputTopics()).containsExactly("sensor-story.readings");
    assertThat(perMinute.outputTopic()).isEqualTo("sensor-story.per-minute");
    assertThat(perMinute.deadLetterTopic()).isEqualTo("sensor-story.per-minute.dead-letter");
    assertThat(perMinute.outputClass()).isEqualTo(Summary.class);
    assertThat(perMinute.delivery()).isEqualTo(Delivery.EXACTLY_ONCE);
    assertThat(graph.stage("readings").inputTopics()).containsExactly("sensors.readings");
    assertThat(graph.stage("busy").outputTopic()).isEqualTo("sensors.busy");
    assertThat(graph.stage("busy").outputClass()).isEqualTo(Summary.class);
  }

  @Test
  void eventTimeFlowsFromSourceThroughStages() {
    PipelineGraph graph = sensorPipeline().build();
    assertThat(graph.stage("readings").eventTime()).get()
        .satisfies(t -> assertThat(t.timestamp()).isPresent());
    assertThat(graph.stage("per-minute").eventTime()).get()
        .satisfies(t -> {
          assertThat(t.timestamp()).isEmpty();
          assertThat(t.outOfOrderness()).isEqualTo(Duration.ofSeconds(5));
        });
  }

  @Test
  void closingWindowsAfterIdleFlowsFromSourcesToTheStagesThatReadThem() {
    Pipeline p = Pipeline.named("quiet");
    Stage<Reading> readings = p.source("readings", Topic.of("in", Reading.class)
        .eventTime(Reading::getTimestamp, Duration.ofSeconds(1)).closeWindowsAfterIdle(Duration.ofSeconds(30)));
    Stage<Summary> windows = p.stage("windows", readings, Batch.every(Duration.ofMinutes(1)), PipelineTest::summarize);
    p.stage("later", windows, Batch.every(Duration.ofMinutes(5)), (String k, List<Summary> s) -> s.get(0));
    PipelineGraph graph = p.build();
    assertThat(graph.stage("windows").eventTime().orElseThrow().idleClose()).contains(Duration.ofSeconds(30));
    assertThat(graph.stage("later").eventTime().orElseThrow().idleClose()).contains(Duration.ofSeconds(30));
    assertThat(sensorPipeline().build().stage("per-minute").eventTime().orElseThrow().idleClose()).isEmpty();
  }

  @Test
  void closingWindowsAfterIdleNeedsEventTimeAndAPositiveWait() {
    Topic<Reading> timed = Topic.of("in", Reading.class).eventTime(Reading::getTimestamp, Duration.ofSeconds(1));
    assertThat(timed.closeWindowsAfterIdle(Duration.ofMinutes(1)))
        .hasToString("Topic.of(\"in\", Reading.class).eventTime(.., PT1S).closeWindowsAfterIdle(PT1M)");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Topic.of("in", Reading.class).closeWindowsAfterIdle(Duration.ofMinutes(1)))
        .hasMessageContaining("closeWindowsAfterIdle(..) applies to event time; call .eventTime(");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> timed.closeWindowsAfterIdle(Duration.ZERO))
        .hasMessage("idle must be a positive duration, got PT0S");
  }

  @Test
  void declarationOrderDoesNotMatterWithReferences() {
    Pipeline p = Pipeline.named("backwards");
    p.stage("count", p.<Reading>ref("readings"), Batch.count(3), PipelineTest::summarize);
    p.source("readings", Topic.of("in", Reading.class));
    assertThat(p.build().stageNames()).containsExactly("readings", "count");
  }

  @Test
  void independentStagesShareALevel() {
    Pipeline p = Pipeline.named("fan-out");
    Stage<Reading> readings = p.source("readings", Topic.of("in", Reading.class));
    p.stage("a", readings, Batch.count(2), PipelineTest::summarize);
    p.stage("b", readings, Batch.countOrTime(5, Duration.ofSeconds(1)), PipelineTest::summarize);
    assertThat(p.build().levels()).containsExactly(List.of("readings"), List.of("a", "b"));
  }

  @Test
  void optionsReachTheSpec() {
    Pipeline p = Pipeline.named("opts");
    Stage<Reading> readings = p.source("readings", Topic.of("in", Reading.class));
    p.stage("copy", readings, Batch.each(), (Reading r) -> r)
        .parallelism(3).atLeastOnce().outputTopic("copied").outputPartitions(4).version("7");
    StageSpec copy = p.build().stage("copy");
    assertThat(copy.parallelism()).isEqualTo(3);
    assertThat(copy.delivery()).isEqualTo(Delivery.AT_LEAST_ONCE);
    assertThat(copy.outputTopic()).isEqualTo("copied");
    assertThat(copy.outputPartitions()).isEqualTo(4);
    assertThat(copy.version()).isEqualTo("7");
    assertThat(copy.outputClass()).isEqualTo(Reading.class);
  }

  @Test
  void unionOfInputsOfOneClass() {
    Pipeline p = Pipeline.named("union");
    Stage<Reading> a = p.source("a", Topic.of("in-a", Reading.class));
    Stage<Reading> b = p.source("b", Topic.of("in-b", Reading.class));
    p.stage("both", List.of(a, b), Batch.count(10), Fn.perBatch(PipelineTest::summarize));
    StageSpec both = p.build().stage("both");
    assertThat(both.inputTopics()).containsExactly("union.a", "union.b");
  }

  @Test
  void coGroupOfTwoInputsInOneWindow() {
    Pipeline p = Pipeline.named("sum");
    Stage<Reading> left = p.source("left", Topic.of("l", Reading.class).eventTime(Reading::getTimestamp, Duration.ZERO));
    Stage<Reading> right = p.source("right", Topic.of("r", Reading.class).eventTime(Reading::getTimestamp, Duration.ZERO));
    p.coGroup("sum", left, Reading::getSensorId, right, Reading::getSensorId, Batch.every(Duration.ofMinutes(1)),
        (String key, List<Reading> l, List<Reading> r) -> new Summary(key, l.size() + r.size()));
    StageSpec sum = p.build().stage("sum");
    assertThat(sum.coGroup()).isTrue();
    assertThat(sum.inputs()).containsExactly("left", "right");
    assertThat(sum.outputClass()).isEqualTo(Summary.class);
  }

  @Test
  void readAsReadsAnUpstreamThroughAProjection() {
    Pipeline p = Pipeline.named("projected");
    Stage<Reading> readings = p.source("readings", Topic.of("in", Reading.class));
    p.stage("hot", readings.readAs(CelsiusOnly.class), Batch.each(), Fn.filter(r -> r.getCelsius() > 40));
    PipelineGraph graph = p.build();
    assertThat(graph.stage("hot").inputClasses()).containsExactly(CelsiusOnly.class);
    assertThat(graph.stage("hot").inputTopics()).containsExactly("projected.readings");
    // A filter hands on what it read: the projection.
    assertThat(graph.stage("hot").outputClass()).isEqualTo(CelsiusOnly.class);
    assertThat(graph.levels()).containsExactly(List.of("readings"), List.of("hot"));
  }
}
