package io.baton.flink.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.connectors.InputOffsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OffsetRunsTest {

  @Test
  void consecutiveOffsetsAreOneRange() {
    OffsetRuns runs = new OffsetRuns();
    for (long o = 100; o < 1_100; o++) {
      runs.add("bids", 0, o);
    }
    assertThat(runs.inputs().encode()).isEqualTo("bids:0:100-1099");
  }

  @Test
  void offsetsInAnyOrderGiveWhatTheProvenanceBuilderGives() {
    Random random = new Random(3);
    for (int round = 0; round < 200; round++) {
      OffsetRuns runs = new OffsetRuns();
      InputOffsets.Builder expected = InputOffsets.builder();
      List<long[]> adds = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(60); i++) {
        adds.add(new long[] {random.nextInt(3), random.nextInt(40)});
      }
      if (round % 2 == 0) {
        Collections.shuffle(adds, random);
      }
      for (long[] a : adds) {
        runs.add("t" + (a[0] % 2), (int) a[0], a[1]);
        expected.add("t" + (a[0] % 2), (int) a[0], a[1]);
      }
      assertThat(runs.inputs()).isEqualTo(expected.build());
    }
  }

  @Test
  void mergingTwoRunsJoinsTheirRanges() {
    OffsetRuns a = new OffsetRuns();
    OffsetRuns b = new OffsetRuns();
    for (long o : new long[] {1, 2, 3, 10, 11}) {
      a.add("t", 0, o);
    }
    for (long o : new long[] {4, 5, 9, 20}) {
      b.add("t", 0, o);
    }
    b.add("u", 1, 7);
    a.addAll(b);
    assertThat(a.inputs().encode()).isEqualTo("t:0:1-5,9-11,20;u:1:7");
  }
}
