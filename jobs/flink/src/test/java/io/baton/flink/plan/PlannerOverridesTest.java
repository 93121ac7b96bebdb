package io.baton.flink.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.Delivery;
import io.baton.api.PipelineDefinitions;
import io.baton.api.internal.PipelineGraph;
import io.baton.api.internal.StageSpec;
import io.baton.api.overrides.OverridesException;
import io.baton.api.overrides.PolicyOverrides;
import io.baton.flink.job.StageJob;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plan with policy overrides shows the effective policies, and its jobs' arguments carry them to StageJob. */
class PlannerOverridesTest {
  private static final PolicyOverrides PROD = PolicyOverrides.fromTree("prod.yaml", Map.of("stages", Map.of(
      "per-minute", Map.of("batch", Map.of("size", "2m", "grace", "30s"), "parallelism", 2),
      "per-hundred", Map.of("batch", Map.of("n", 250), "delivery", "at-least-once",
          "limits", Map.of("maxRecordBytes", 65536)))));

  @Test
  void thePlanShowsTheEffectivePolicies() {
    Plan plan = Planner.plan(new PlannerTest.Sensors(), PROD);
    PlannedStage perMinute = plan.stage("per-minute");
    assertThat(perMinute.batch()).isEqualTo("Batch.every(PT2M) keyedBy sensorId withGrace(PT30S)");
    assertThat(perMinute.parallelism()).isEqualTo(2);
    PlannedStage perHundred = plan.stage("per-hundred");
    assertThat(perHundred.batch()).isEqualTo("Batch.count(250)");
    assertThat(perHundred.delivery()).isEqualTo("at-least-once");
    assertThat(perHundred.accept()).isEqualTo("Accept.schema().maxRecordBytes(65536)");
    assertThat(plan.stage("alerts").batch()).isEqualTo("Batch.each()");
  }

  @Test
  void theTextMarksOverriddenStagesAndTheJsonReadsBack() {
    Plan plan = Planner.plan(new PlannerTest.Sensors(), PROD);
    String text = PlanText.render(plan);
    assertThat(text).contains("  per-minute  (stage, job 'sensor-test/per-minute', parallelism 2, exactly-once)\n")
        .contains("    batch      Batch.every(PT2M) keyedBy sensorId withGrace(PT30S)\n")
        .contains("    overrides  batch.size=PT2M, batch.grace=PT30S, parallelism=2\n")
        .contains("    overrides  batch.n=250, delivery=at-least-once, limits.maxRecordBytes=65536\n");
    assertThat(text.split("overrides", -1)).hasSize(3); // readings and alerts have none
    Plan back = PlanJson.parse(PlanJson.render(plan));
    assertThat(back).isEqualTo(plan);
    assertThat(back.stage("per-hundred").overrides()).isEqualTo("batch.n=250,delivery=at-least-once,limits.maxRecordBytes=65536");
  }

  @Test
  void anOverriddenStagesJobGetsItsOverridesAndDefinesTheEffectiveStage() {
    Plan plan = Planner.plan(new PlannerTest.Sensors(), PROD);
    assertThat(plan.stage("per-minute").programArgs()).containsExactly("--definition",
        PlannerTest.Sensors.class.getName(), "--stage", "per-minute", "--overrides",
        "batch.size=PT2M,batch.grace=PT30S,parallelism=2");
    assertThat(plan.stage("alerts").programArgs()).doesNotContain("--overrides");

    // What the job does on the JobManager: define the pipeline from the jar, then apply its arguments.
    PipelineGraph defined = PipelineDefinitions.define(new PlannerTest.Sensors()).build();
    StageSpec perHundred = StageJob.stage(defined, plan.stage("per-hundred").programArgs());
    assertThat(perHundred.batch()).hasToString("Batch.count(250)");
    assertThat(perHundred.delivery()).isEqualTo(Delivery.AT_LEAST_ONCE);
    assertThat(perHundred.accept().maxRecordBytes()).hasValue(65536);
    assertThat(perHundred.parallelism()).isEqualTo(2); // the definition's own, not overridden
    assertThat(StageJob.stage(defined, plan.stage("alerts").programArgs())).isEqualTo(defined.stage("alerts"));
  }

  @Test
  void overridesThatDoNotFitStopThePlanWithEveryProblem() {
    PolicyOverrides bad = PolicyOverrides.fromTree("bad.yaml", Map.of("stages", Map.of(
        "per-minute", Map.of("batch", Map.of("n", 5)),
        "per-hundred", Map.of("batch", Map.of("n", 0)))));
    assertThatThrownBy(() -> Planner.plan(new PlannerTest.Sensors(), bad)).isInstanceOf(OverridesException.class)
        .hasMessageContaining("have 2 problems")
        .hasMessageContaining("bad.yaml: stage 'per-minute': batch.n does not apply to Batch.every(PT1M) keyedBy sensorId")
        .hasMessageContaining("bad.yaml: stage 'per-hundred': batch.n=0 refused for Batch.count(100): n must be positive, got 0");
  }
}
