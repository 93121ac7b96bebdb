package io.baton.flink.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.flink.plan.Planner;
import io.baton.flink.plan.PlannerTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedRunTest {

  @Test
  void aGroupIsSettledOnItsOutputsAndOnItsDeadLetterTopicsWhichHaveASinkOfTheirOwn() {
    BoundedRun run = new BoundedRun(Planner.plan(new PlannerTest.Sensors()), "127.0.0.1:9", Duration.ofSeconds(1));

    assertThat(run.writtenBy(List.of("per-minute", "per-hundred"))).containsExactly(
        "sensor-test.per-minute", "sensor-test.per-minute.dead-letter",
        "sensor-test.per-hundred", "sensor-test.per-hundred.dead-letter");
  }
}
