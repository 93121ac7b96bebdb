package io.baton.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.batch.Batch;
import io.baton.api.fn.Aggregation;
import io.baton.api.fn.BatchWindow;
import io.baton.api.fn.Fn;
import io.baton.api.fn.StageFunction;
import io.baton.api.internal.PipelineGraph;
import io.baton.api.testrecords.Reading;
import io.baton.api.testrecords.Summary;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregateDefinitionTest {

  private static final StageFunction<Reading, Summary> COUNT = Fn.aggregate(() -> 0, (Integer n, Reading r) -> n + 1,
      Integer::sum, (String sensor, BatchWindow w, Integer n) -> new Summary(sensor, n));

  private static Pipeline pipeline(Batch batch, StageFunction<Reading, Summary> fn) {
    Pipeline p = Pipeline.named("agg");
    Stage<Reading> readings = p.source("readings",
        Topic.of("in", Reading.class).eventTime(Reading::getTimestamp, Duration.ofSeconds(1)));
    p.stage("count", readings, batch, fn);
    return p;
  }

  @Test
  void aggregateTakesItsOutputClassFromTheResultLambda() {
    PipelineGraph graph = pipeline(Batch.every(Duration.ofMinutes(1)).keyedBy(Reading::getSensorId), COUNT).build();
    assertThat(graph.stage("count").outputClass()).isEqualTo(Summary.class);
    assertThat(graph.stage("count").function().orElseThrow().label()).isEqualTo("aggregate");
  }

  @Test
  void aggregateWrittenAsAClassTakesItsOutputClassFromResult() {
    PipelineGraph graph = pipeline(Batch.count(10).keyedBy(Reading::getSensorId), Fn.aggregate(new Counting())).build();
    assertThat(graph.stage("count").outputClass()).isEqualTo(Summary.class);
  }

  @Test
  void everyBatchPolicyButEachFitsAnAggregate() {
    for (Batch batch : List.of(Batch.count(3), Batch.every(Duration.ofSeconds(1)),
        Batch.sliding(Duration.ofSeconds(2), Duration.ofSeconds(1)), Batch.session(Duration.ofSeconds(5)),
        Batch.countOrTime(3, Duration.ofSeconds(1)), Batch.bytes(100, Duration.ofSeconds(1)))) {
      assertThat(pipeline(batch, COUNT).build().stage("count").batch()).isEqualTo(batch);
    }
  }

  @Test
  void aggregateUnderEachIsRefused() {
    assertThatThrownBy(() -> pipeline(Batch.each(), COUNT).build())
        .isInstanceOf(PipelineDefinitionException.class)
        .hasMessageContaining("stage 'count': a per-batch function needs a batch policy, got Batch.each()");
  }

  @Test
  void accumulatorThatCannotBeSerializedIsRefused() {
    StageFunction<Reading, Summary> fn = Fn.aggregate(Object::new, (Object a, Reading r) -> a, (a, b) -> a,
        (String k, BatchWindow w, Object a) -> new Summary(k, 0));
    assertThatThrownBy(() -> pipeline(Batch.count(2), fn).build())
        .isInstanceOf(PipelineDefinitionException.class)
        .hasMessageContaining("stage 'count': the aggregate's accumulator java.lang.Object is not Serializable");
  }

  @Test
  void factoryRefusesMissingParts() {
    assertThatThrownBy(() -> Fn.aggregate(() -> 0, null, Integer::sum, (Object k, BatchWindow w, Integer n) -> n))
        .isInstanceOf(NullPointerException.class).hasMessage("add");
  }

  /** A count written as a class. */
  static final class Counting implements Aggregation<String, Reading, int[], Summary> {
    @Override public int[] createAccumulator() { return new int[1]; }
    @Override public int[] add(int[] n, Reading r) { n[0]++; return n; }
    @Override public int[] merge(int[] a, int[] b) { a[0] += b[0]; return a; }
    @Override public Summary result(String key, BatchWindow w, int[] n) { return new Summary(key, n[0]); }
  }
}
