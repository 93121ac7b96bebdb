package io.baton.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.batch.Batch;
import io.baton.api.fn.Fn;
import io.baton.api.testrecords.Reading;
import io.baton.api.testrecords.Summary;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineDefinitionErrorsTest {

  /** Not an Avro record. */
  record Plain(String x) {}

  static Summary summarize(String sensor, List<Reading> readings) {
    return new Summary(sensor, readings.size());
  }

  private static PipelineDefinitionException failure(Pipeline p) {
    try {
      p.build();
    } catch (PipelineDefinitionException e) {
      return e;
    }
    throw new AssertionError("expected " + p.name() + " to be refused");
  }

  @Test
  void badNamesAreRefusedWithASuggestion() {
    Pipeline p = Pipeline.named("Sensor Story");
    p.source("Raw Readings", Topic.of("in", Reading.class));
    PipelineDefinitionException e = failure(p);
    assertThat(e.getMessage()).isEqualTo("""
        Pipeline 'Sensor Story' has 2 problems:
          - name 'Sensor Story' must be lowercase letters, digits and '-', start with a letter and have at most 40 characters. Fix: Pipeline.named("sensor-story")
          - stage 'Raw Readings': name must be lowercase letters, digits and '-', start with a letter and have at most 40 characters. Fix: p.source("raw-readings", ..)""");
  }

  @Test
  void twoStagesWithOneNameAreRefused() {
    Pipeline p = Pipeline.named("dup");
    Stage<Reading> r = p.source("readings", Topic.of("in", Reading.class));
    p.stage("readings", r, Batch.count(2), PipelineDefinitionErrorsTest::summarize);
    assertThat(failure(p).getMessage()).contains(
        "stage 'readings': two stages have this name. Fix: give each p.source(..)/p.stage(..) its own name");
  }

  @Test
  void unknownInputIsRefused() {
    Pipeline p = Pipeline.named("typo");
    p.source("readings", Topic.of("in", Reading.class));
    p.stage("count", p.<Reading>ref("reading"), Batch.count(2), PipelineDefinitionErrorsTest::summarize);
    assertThat(failure(p).getMessage()).contains(
        "stage 'count': reads unknown stage 'reading'. Fix: read a stage declared in pipeline 'typo' (known: readings, count)");
  }

  @Test
  void cycleIsRefused() {
    Pipeline p = Pipeline.named("loop");
    p.stage("a", p.<Reading>ref("b"), Batch.each(), (Reading r) -> r);
    p.stage("b", p.<Reading>ref("a"), Batch.each(), (Reading r) -> r);
    assertThat(failure(p).getMessage()).contains(
        "stage 'a': stages a, b read each other in a cycle. Fix: a stage may not read its own output");
  }

  @Test
  void perRecordFunctionNeedsEach() {
    Pipeline p = Pipeline.named("shape");
    Stage<Reading> r = p.source("readings", Topic.of("in", Reading.class));
    p.stage("copy", r, Batch.count(5), (Reading x) -> x);
    assertThat(failure(p).getMessage()).contains(
        "stage 'copy': Fn.map works per record and needs Batch.each(), got Batch.count(5). Fix: use Batch.each()");
  }

  @Test
  void perBatchFunctionNeedsABatch() {
    Pipeline p = Pipeline.named("shape");
    Stage<Reading> r = p.source("readings", Topic.of("in", Reading.class));
    p.stage("sum", r, Batch.each(), PipelineDefinitionErrorsTest::summarize);
    assertThat(failure(p).getMessage()).contains(
        "stage 'sum': a per-batch function needs a batch policy, got Batch.each()");
  }

  @Test
  void eventTimePolicyWithoutTimestampsIsRefused() {
    Pipeline p = Pipeline.named("no-time");
    Stage<Reading> r = p.source("readings", Topic.of("in", Reading.class));
    p.stage("per-minute", r, Batch.every(Duration.ofMinutes(1)), PipelineDefinitionErrorsTest::summarize);
    assertThat(failure(p).getMessage()).contains(
        "stage 'per-minute': Batch.every(PT1M) waits in event time, but its input 'readings' has no timestamps. "
            + "Fix: declare Topic.of(..).eventTime(Record::getTimestamp, Duration.ofSeconds(5)) on the source");
  }

  @Test
  void countOrTimeAndBytesInEventTimeAreRefusedNamingTheStage() {
    Pipeline p = Pipeline.named("clocks");
    Stage<Reading> r = p.source("readings",
        Topic.of("in", Reading.class).eventTime(Reading::getTimestamp, Duration.ofSeconds(1)));
    p.stage("by-count", r, Batch.countOrTime(10, Duration.ofSeconds(5)).inEventTime(),
        PipelineDefinitionErrorsTest::summarize);
    p.stage("by-bytes", r, Batch.bytes(1_000, Duration.ofSeconds(5)).inEventTime(),
        PipelineDefinitionErrorsTest::summarize);
    PipelineDefinitionException e = failure(p);
    assertThat(e.getMessage()).startsWith("Pipeline 'clocks' has 2 problems:").contains(
        "stage 'by-count': Batch.countOrTime(10, PT5S) inEventTime waits its maxWait on the wall clock (processing time) only. "
            + "Fix: drop .inEventTime(), or batch by event time with Batch.every(d)",
        "stage 'by-bytes': Batch.bytes(1000, PT5S) inEventTime waits its maxWait on the wall clock");
  }

  @Test
  void classWithoutSchemaIsRefused() {
    Pipeline p = Pipeline.named("no-schema");
    p.source("plain", Topic.of("in", Plain.class));
    assertThat(failure(p).getMessage()).contains("stage 'plain': writes " + Plain.class.getName()
        + ", which is not an Avro SpecificRecord (no schema). Fix: generate Plain from an .avsc schema");
  }

  @Test
  void projectionWithoutSchemaIsRefused() {
    Pipeline p = Pipeline.named("no-schema");
    Stage<Reading> r = p.source("readings", Topic.of("in", Reading.class));
    p.stage("copy", r.readAs(Plain.class), Batch.each(), Fn.map((Plain x) -> x)).produces(Plain.class);
    assertThat(failure(p).getMessage()).contains("stage 'copy': reads 'readings' as " + Plain.class.getName()
        + ", which is not an Avro SpecificRecord (no schema). Fix: generate Plain from an .avsc schema"
        + " (a projection of what 'readings' writes)");
  }

  @Test
  void unknownOutputClassAsksForProduces() {
    Pipeline p = Pipeline.named("flat");
    Stage<Reading> r = p.source("readings", Topic.of("in", Reading.class));
    p.stage("twice", r, Batch.each(), Fn.flatMap((Reading x) -> List.of(x, x)));
    assertThat(failure(p).getMessage()).contains(
        "stage 'twice': cannot tell which Avro class it writes from its function. Fix: p.stage(\"twice\", ..).produces(Out.class)");
  }

  @Test
  void producesFixesUnknownOutputClass() {
    Pipeline p = Pipeline.named("flat");
    Stage<Reading> r = p.source("readings", Topic.of("in", Reading.class));
    p.stage("twice", r, Batch.each(), Fn.flatMap((Reading x) -> List.of(x, x))).produces(Reading.class);
    assertThat(p.build().stage("twice").outputClass()).isEqualTo(Reading.class);
  }

  @Test
  void allProblemsAreReportedTogether() {
    Pipeline p = Pipeline.named("many");
    Stage<Reading> r = p.source("readings", Topic.of("bad topic!", Reading.class));
    p.stage("copy", r, Batch.count(2), (Reading x) -> x).parallelism(0);
    p.stage("sum", p.<Reading>ref("nope"), Batch.count(2), PipelineDefinitionErrorsTest::summarize);
    PipelineDefinitionException e = failure(p);
    assertThat(e.problems()).extracting(Problem::stage).containsExactlyInAnyOrder("readings", "copy", "copy", "sum");
    assertThat(e.getMessage()).startsWith("Pipeline 'many' has 4 problems:");
  }

  @Test
  void coGroupNeedsAWindow() {
    Pipeline p = Pipeline.named("cg");
    Stage<Reading> a = p.source("a", Topic.of("a", Reading.class));
    Stage<Reading> b = p.source("b", Topic.of("b", Reading.class));
    p.coGroup("sum", a, Reading::getSensorId, b, Reading::getSensorId, Batch.count(3),
        (String k, List<Reading> l, List<Reading> r) -> new Summary(k, l.size()));
    assertThat(failure(p).getMessage()).contains(
        "stage 'sum': a co-group needs a window (every, sliding or session), got Batch.count(3)");
  }

  @Test
  void outputOfAnotherClassIsRefused() {
    Pipeline p = Pipeline.named("out");
    Stage<Reading> r = p.source("readings", Topic.of("in", Reading.class));
    Stage<Summary> s = p.stage("sum", r, Batch.count(2), PipelineDefinitionErrorsTest::summarize);
    @SuppressWarnings({"unchecked", "rawtypes"})
    Topic<Summary> wrong = (Topic) Topic.of("sums", Reading.class);
    p.output(s, wrong);
    assertThat(failure(p).getMessage()).contains(
        "stage 'sum': writes Summary but p.output(..) declares topic 'sums' of Reading. Fix: Topic.of(\"sums\", Summary.class)");
  }

  @Test
  void emptyPipelineIsRefused() {
    assertThatThrownBy(() -> Pipeline.named("empty").build())
        .isInstanceOf(PipelineDefinitionException.class)
        .hasMessageContaining("has no stages");
  }

  @Test
  void unionOfDifferentClassesIsRefused() {
    Pipeline p = Pipeline.named("mixed");
    Stage<Reading> a = p.source("a", Topic.of("a", Reading.class));
    Stage<Summary> b = p.source("b", Topic.of("b", Summary.class));
    p.stage("both", List.of(a, b), Batch.count(2), Fn.perBatch((Object k, List<Object> xs) -> new Summary("x", xs.size())));
    assertThat(failure(p).getMessage()).contains("stage 'both': reads a union of inputs of different record classes (Reading, Summary)");
  }
}
