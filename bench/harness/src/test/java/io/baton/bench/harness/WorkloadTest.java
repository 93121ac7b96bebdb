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

  @Test
  void sideNRunsOnlyOnceTheLineageSwitchIsWiredAndOnlyForThePassThrough() {
    assertThat(Workload.PASS_THROUGH.skipped("ABCDN").isEmpty()).isEqualTo(BatonSide.LINEAGE_OFF.isPresent());
    assertThat(Workload.PASS_THROUGH.skipped("ABCD")).isEmpty();
    assertThat(Workload.NEXMARK_Q5.skipped("ABCDN")).isEmpty();
  }
}
