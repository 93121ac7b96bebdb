package io.baton.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.Problem;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.api.fn.Fn;
import io.baton.api.testrecords.Reading;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Each rule, alone, returns its problem; the message texts are asserted in PipelineDefinitionErrorsTest. */
class RulesTest {
  private final Object owner = new Object();
  private final List<StageDeclaration> stages = new ArrayList<>();
  private final List<PipelineDeclaration.Output> outputs = new ArrayList<>();

  private StageRef source(String name, Topic<?> topic) {
    stages.add(StageDeclaration.source(name, topic));
    return new StageRef(owner, stages.size() - 1, name, null);
  }

  private StageRef stage(String name, StageRef input, Batch batch, io.baton.api.fn.StageFunction<?, ?> fn) {
    stages.add(StageDeclaration.stage(name, List.of(input), batch, fn));
    return new StageRef(owner, stages.size() - 1, name, null);
  }

  private void options(StageRef ref, UnaryOperator<StageOptions> option) {
    stages.set(ref.slot(), stages.get(ref.slot()).withOptions(option.apply(stages.get(ref.slot()).options())));
  }

  private Resolution resolve(String pipeline) {
    return Resolver.resolve(new PipelineDeclaration(owner, pipeline, stages, outputs));
  }

  /** What a per-stage rule finds in one stage of what was declared so far. */
  private List<Problem> check(String stage, BiFunction<ResolvedStage, Resolution, List<Problem>> rule) {
    Resolution r = resolve("rules");
    return rule.apply(r.stages().stream().filter(s -> s.name().equals(stage)).findFirst().orElseThrow(), r);
  }

  @Test
  void aGoodPipelineHasNoProblems() {
    StageRef in = source("readings", Topic.of("in", Reading.class));
    stage("copy", in, Batch.each(), Fn.map((Reading r) -> r));
    assertThat(PipelineCompiler.problems(resolve("good"))).isEmpty();
  }

  @Test
  void pipelineNameMustBeLegal() {
    assertThat(NameRules.validatePipelineName(resolve("Bad Name"))).extracting(Problem::fix)
        .containsExactly("Pipeline.named(\"bad-name\")");
  }

  @Test
  void stageNamesMustBeLegalAndUnique() {
    source("Raw", Topic.of("in", Reading.class));
    source("raw", Topic.of("in2", Reading.class));
    source("raw", Topic.of("in3", Reading.class));
    Resolution r = resolve("names");
    assertThat(NameRules.validateStageNames(r)).extracting(Problem::stage).containsExactly("Raw");
    assertThat(NameRules.validateUniqueNames(r)).extracting(Problem::what).containsExactly("two stages have this name");
  }

  @Test
  void inputsMustBeStagesOfThisPipeline() {
    source("readings", Topic.of("in", Reading.class));
    stage("copy", new StageRef(new Object(), 0, "readings", null), Batch.each(), Fn.map((Reading r) -> r));
    assertThat(InputRules.validateInputs(resolve("inputs"))).extracting(Problem::what)
        .containsExactly("reads unknown stage 'readings'");
  }

  @Test
  void stagesMustNotReadEachOtherInACycle() {
    stage("a", new StageRef(owner, StageRef.BY_NAME, "b", null), Batch.each(), Fn.map((Reading r) -> r));
    stage("b", new StageRef(owner, StageRef.BY_NAME, "a", null), Batch.each(), Fn.map((Reading r) -> r));
    Resolution r = resolve("loop");
    assertThat(r.stages()).isEmpty();
    assertThat(InputRules.validateNoCycle(r)).extracting(Problem::what)
        .containsExactly("stages a, b read each other in a cycle");
  }

  @Test
  void perRecordFunctionMustFitEach() {
    StageRef in = source("readings", Topic.of("in", Reading.class));
    stage("copy", in, Batch.count(2), Fn.map((Reading r) -> r));
    assertThat(check("copy", ShapeRules::validateFunctionFitsBatch)).extracting(Problem::what)
        .containsExactly("Fn.map works per record and needs Batch.each(), got Batch.count(2)");
  }

  @Test
  void eventTimeNeedsTimestampedInputs() {
    StageRef in = source("readings", Topic.of("in", Reading.class));
    stage("per-second", in, Batch.every(Duration.ofSeconds(1)), Fn.perBatch((String k, List<Reading> rs) -> rs.get(0)));
    assertThat(check("per-second", ShapeRules::validateEventTime)).hasSize(1);
  }

  @Test
  void optionsMustBeInRange() {
    StageRef in = source("readings", Topic.of("in", Reading.class));
    options(in, o -> o.parallelism(0).outputPartitions(-1));
    assertThat(check("readings", OutputRules::validateOptions)).extracting(Problem::fix)
        .containsExactly(".parallelism(1)", ".outputPartitions(1)");
  }

  @Test
  void outputTopicNamedByTheStageMustBeLegal() {
    StageRef in = source("readings", Topic.of("in", Reading.class));
    options(in, o -> o.outputTopic("bad topic"));
    assertThat(check("readings", NameRules::validateOutputTopicName)).extracting(Problem::fix)
        .containsExactly(".outputTopic(\"bad-topic\")");
  }

  @Test
  void twoStagesMustNotWriteOneTopic() {
    StageRef a = source("a", Topic.of("in-a", Reading.class));
    StageRef b = source("b", Topic.of("in-b", Reading.class));
    options(a, o -> o.outputTopic("same"));
    options(b, o -> o.outputTopic("same"));
    assertThat(OutputRules.validateOutputTopicsUnique(resolve("twice"))).extracting(Problem::stage).containsExactly("b");
  }

  @Test
  void outputMustNameADeclaredStage() {
    StageRef in = source("readings", Topic.of("in", Reading.class));
    outputs.add(new PipelineDeclaration.Output(in.readAs(Reading.class), Topic.of("out", Reading.class)));
    assertThat(OutputRules.validateOutputs(resolve("out"))).extracting(Problem::what)
        .containsExactly("p.output(..) names a stage that is not declared in this pipeline");
  }

  @Test
  void aPipelineNeedsStages() {
    assertThat(InputRules.validateHasStages(resolve("empty"))).extracting(Problem::what).containsExactly("has no stages");
  }
}
