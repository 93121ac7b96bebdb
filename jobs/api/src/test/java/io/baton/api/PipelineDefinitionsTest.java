package io.baton.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.batch.Batch;
import io.baton.api.testrecords.Reading;
import io.baton.api.testrecords.Summary;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineDefinitionsTest {

  static Summary summarize(String sensor, List<Reading> readings) {
    return new Summary(sensor, readings.size());
  }

  static final class ZeroCount implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named("zero");
      Stage<Reading> r = p.source("readings", Topic.of("in", Reading.class));
      p.stage("batches", r, Batch.count(0), PipelineDefinitionsTest::summarize);
      return p;
    }
  }

  static final class NegativeWindow implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named("negative");
      Stage<Reading> r = p.source("readings", Topic.of("in", Reading.class));
      p.stage("windows", r, Batch.every(Duration.ofSeconds(-5)), PipelineDefinitionsTest::summarize);
      return p;
    }
  }

  @Test
  void aFactoryArgumentErrorNamesTheDefinitionTheCallAndTheFix() {
    assertThatThrownBy(() -> PipelineDefinitions.define(new ZeroCount()))
        .isInstanceOf(PipelineDefinitionException.class)
        .hasCauseInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Pipeline '" + ZeroCount.class.getName() + "' has 1 problem:")
        .hasMessageContaining("Batch.count(..) in PipelineDefinitionsTest.ZeroCount.define (PipelineDefinitionsTest.java:")
        .hasMessageContaining("): n must be positive, got 0. Fix: pass a valid argument to Batch.count(..) in "
            + ZeroCount.class.getName() + ".define()");
  }

  @Test
  void aNegativeDurationIsReportedTheSameWay() {
    assertThatThrownBy(() -> PipelineDefinitions.define(new NegativeWindow()))
        .isInstanceOf(PipelineDefinitionException.class)
        .hasMessageContaining("Batch.every(..) in PipelineDefinitionsTest.NegativeWindow.define")
        .hasMessageContaining("size must be a positive duration, got PT-5S");
  }

  @Test
  void aGoodDefinitionIsReturnedAsDefined() {
    Pipeline p = PipelineDefinitions.define(() -> Pipeline.named("fine"));
    assertThat(p.name()).isEqualTo("fine");
  }
}
