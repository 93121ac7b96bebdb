package io.baton.flink.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.Planner;
import io.baton.schemas.sensor.Reading;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How many task slots a run needs, and what a refused run is told. */
class SlotCheckTest {
  /** readings(1) → copy(1) and per-hundred(2) → again(1): three groups, the middle one of 3 slots. */
  public static final class Fork implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named("sensor-test");
      Stage<Reading> readings = p.source("readings", Topic.of("sensors.in", Reading.class));
      Stage<Reading> copy = p.stage("copy", readings, Batch.each(), Fork::same);
      p.stage("per-hundred", readings, Batch.each(), Fork::same).parallelism(2);
      p.stage("again", copy, Batch.each(), Fork::same);
      return p;
    }

    static Reading same(Reading r) {
      return r;
    }
  }

  private final Plan sensors = Planner.plan(new Fork());

  @Test
  void streamingNeedsASlotPerParallelInstanceOfEveryStage() {
    assertThat(SlotCheck.needed(sensors, false)).isEqualTo(1 + 1 + 2 + 1);
  }

  @Test
  void boundedNeedsTheSlotsOfItsLargestGroupOnly() {
    assertThat(SlotCheck.needed(sensors, true)).isEqualTo(1 + 2);
  }

  @Test
  void enoughFreeSlotsIsNoProblem() {
    assertThat(SlotCheck.problem("p", false, 5, 8, 5, List.of())).isEmpty();
  }

  @Test
  void busySlotsAreRefusedNamingTheRunningJobs() {
    assertThat(SlotCheck.problem("sensor-test", true, 3, 8, 1, List.of("other/a", "other/b"))).contains(
        "pipeline sensor-test needs 3 free task slots to run bounded (its largest group of stages at once) but only 1 "
            + "of 8 are free; running: other/a, other/b; stop what you do not need (./baton stop <pipeline>) or wait "
            + "until it ends, then run again");
  }

  @Test
  void aRunLargerThanTheClusterSaysHowToShrinkIt() {
    assertThat(SlotCheck.problem("sensor-test", false, 5, 4, 4, List.of())).contains(
        "pipeline sensor-test needs 5 free task slots to run streaming (one per stage and parallel instance) but the "
            + "cluster has 4 in all; lower the stages' parallelism or run it --bounded, or give the task manager more "
            + "slots (taskmanager.numberOfTaskSlots)");
  }

  @Test
  void aClusterWithoutTaskManagerSaysSo() {
    assertThat(SlotCheck.problem("p", false, 1, 0, 0, List.of())).hasValueSatisfying(
        m -> assertThat(m).endsWith("but the cluster has no task manager; start one (./baton down, then ./baton up)"));
  }
}
