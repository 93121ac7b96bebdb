package io.baton.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkloadTest {

  @Test
  void workloadsAreNamedAsOnTheCommandLine() {
    assertThat(Workload.of("nexmark-q5")).isEqualTo(Workload.NEXMARK_Q5);
    assertThatThrownBy(() -> Workload.of("q5")).hasMessage(
        "workloads are pass-through, keyed-count, nexmark-q7 and nexmark-q5, got 'q5'");
  }
}
