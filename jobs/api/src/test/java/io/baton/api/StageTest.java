package io.baton.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.batch.Batch;
import io.baton.api.internal.StageSpec;
import io.baton.api.testrecords.CelsiusOnly;
import io.baton.api.testrecords.Reading;
import org.junit.jupiter.api.Test;

class StageTest {

  @Test
  void optionsAreSetThroughThePipelineAndTheHandleReturnsItself() {
    Pipeline p = Pipeline.named("opts");
    Stage<Reading> readings = p.source("readings", Topic.of("in", Reading.class));
    Stage<Reading> copy = p.stage("copy", readings, Batch.each(), (Reading r) -> r);
    assertThat(copy.parallelism(2)).isSameAs(copy);
    copy.atLeastOnce().exactlyOnce().atLeastOnce();
    StageSpec spec = p.build().stage("copy");
    assertThat(spec.parallelism()).isEqualTo(2);
    assertThat(spec.delivery()).isEqualTo(Delivery.AT_LEAST_ONCE);
    assertThat(p.build().stage("readings").parallelism()).isEqualTo(1);
  }

  @Test
  void lineageIsOnByDefaultAndOffWhereTheStageSaysSo() {
    Pipeline p = Pipeline.named("lineage");
    Stage<Reading> readings = p.source("readings", Topic.of("in", Reading.class));
    Stage<Reading> copy = p.stage("copy", readings, Batch.each(), (Reading r) -> r);
    assertThat(copy.lineage(false)).isSameAs(copy);
    assertThat(p.build().stage("copy").lineage()).isFalse();
    assertThat(p.build().stage("readings").lineage()).isTrue();
    copy.lineage(true);
    assertThat(p.build().stage("copy").lineage()).isTrue();
  }

  @Test
  void handlesAreValues() {
    Pipeline p = Pipeline.named("values");
    Stage<Reading> readings = p.source("readings", Topic.of("in", Reading.class));
    assertThat(p.<Reading>ref("readings")).isEqualTo(p.ref("readings")).isNotEqualTo(readings);
    assertThat(readings.readAs(CelsiusOnly.class)).isEqualTo(readings.readAs(CelsiusOnly.class))
        .hasToString("Stage(readings).readAs(CelsiusOnly.class)");
    assertThat(Pipeline.named("values").ref("readings")).isNotEqualTo(p.ref("readings"));
  }

  @Test
  void optionsThroughAReferenceReachTheNamedStage() {
    Pipeline p = Pipeline.named("by-name");
    Stage<Reading> readings = p.source("readings", Topic.of("in", Reading.class));
    p.<Reading>ref("readings").parallelism(3);
    readings.readAs(CelsiusOnly.class).version("2");
    StageSpec spec = p.build().stage("readings");
    assertThat(spec.parallelism()).isEqualTo(3);
    assertThat(spec.version()).isEqualTo("2");
  }

  @Test
  void optionsThroughAReferenceToNoStageAreRefused() {
    Pipeline p = Pipeline.named("early");
    assertThatThrownBy(() -> p.ref("later").parallelism(2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("p.ref(\"later\") names no stage declared so far in pipeline 'early'; "
            + "set options on the Stage that p.source(..), p.stage(..) or p.coGroup(..) returns");
  }

  @Test
  void aHandleOfAnotherPipelineReadsAnUnknownStage() {
    Pipeline other = Pipeline.named("other");
    Stage<Reading> foreign = other.source("readings", Topic.of("in", Reading.class));
    Pipeline p = Pipeline.named("mine");
    p.source("readings", Topic.of("in", Reading.class));
    p.stage("count", foreign, Batch.count(2), (String k, java.util.List<Reading> rs) -> rs.get(0));
    p.output(foreign, Topic.of("out", Reading.class));
    assertThatThrownBy(p::build).isInstanceOf(PipelineDefinitionException.class)
        .hasMessageContaining("stage 'count': reads unknown stage 'readings'")
        .hasMessageContaining("stage 'readings': p.output(..) names a stage that is not declared in this pipeline");
  }
}
