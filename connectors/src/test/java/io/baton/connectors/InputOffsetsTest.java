package io.baton.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class InputOffsetsTest {

  @Test
  void consecutiveOffsetsBecomeRangesSortedByTopicAndPartition() {
    InputOffsets.Builder b = InputOffsets.builder();
    for (long o : new long[] {12, 0, 1, 2, 3, 4, 5, 7, 9, 10, 11, 5, 0}) {
      b.add("readings", 0, o);
    }
    b.add("readings", 1, 3).add("alpha", 2, 8);

    InputOffsets inputs = b.build();

    assertThat(inputs.encode()).isEqualTo("alpha:2:8;readings:0:0-5,7,9-12;readings:1:3");
    assertThat(inputs.count()).isEqualTo(13);
    assertThat(inputs.partitions()).containsExactly(
        new TopicPartition("alpha", 2), new TopicPartition("readings", 0), new TopicPartition("readings", 1));
  }

  @Test
  void textFormRoundTrips() {
    InputOffsets inputs = InputOffsets.decode("sensor-story.per-minute:0:0-5,7,9-12;sensors.readings:11:3");

    assertThat(InputOffsets.decode(inputs.encode())).isEqualTo(inputs);
    assertThat(inputs.offsets("sensor-story.per-minute", 0)).containsExactly(0, 1, 2, 3, 4, 5, 7, 9, 10, 11, 12);
    assertThat(inputs.contains("sensors.readings", 11, 3)).isTrue();
    assertThat(inputs.contains("sensors.readings", 11, 4)).isFalse();
    assertThat(inputs.isExact()).isTrue();
  }

  @Test
  void largeConsecutiveBatchCompactsToOneRangePerPartition() {
    List<long[]> coordinates = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      for (long o = 1_000; o < 251_000; o++) {
        coordinates.add(new long[] {p, o});
      }
    }
    Collections.shuffle(coordinates, new Random(7));
    InputOffsets.Builder b = InputOffsets.builder();
    coordinates.forEach(c -> b.add("in", (int) c[0], c[1]));

    InputOffsets inputs = b.build();

    assertThat(inputs.encode()).isEqualTo("in:0:1000-250999;in:1:1000-250999;in:2:1000-250999;in:3:1000-250999");
    assertThat(inputs.count()).isEqualTo(1_000_000);
    assertThat(InputOffsets.decode(inputs.encode()).count()).isEqualTo(1_000_000);
  }

  @Test
  void largeScatteredBatchRoundTripsExactly() {
    Random random = new Random(42);
    InputOffsets.Builder b = InputOffsets.builder();
    List<Long> added = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      long o = random.nextInt(100_000);
      added.add(o);
      b.add("scattered", 0, o);
    }

    InputOffsets decoded = InputOffsets.decode(b.build().encode());

    assertThat(decoded.offsets("scattered", 0)).containsExactly(added.stream().distinct().sorted().mapToLong(Long::longValue).toArray());
  }

  @Test
  void approximateSpansRoundTripInTheTextForm() {
    InputOffsets back = InputOffsets.decode("t:0:~0-9998;t:1:~5");

    assertThat(back.isExact()).isFalse();
    assertThat(back.contains("t", 0, 4_001)).isTrue();
    assertThat(back.count()).isZero();
    assertThat(back.encode()).isEqualTo("t:0:~0-9998;t:1:~5");
  }

  @Test
  void oneRecordEqualsTheSameRecordBuilt() {
    assertThat(InputOffsets.of("t", 3, 42)).isEqualTo(InputOffsets.builder().add("t", 3, 42).build());
    assertThat(InputOffsets.of("t", 3, 42).encode()).isEqualTo("t:3:42");
    assertThatThrownBy(() -> InputOffsets.of("t", -1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mergingAccumulatorsCoalescesOverlaps() {
    InputOffsets a = InputOffsets.decode("t:0:0-10,20");
    InputOffsets b = InputOffsets.decode("t:0:5-19;u:0:1");

    InputOffsets merged = InputOffsets.builder().addAll(a).addAll(b).build();

    assertThat(merged.encode()).isEqualTo("t:0:0-20;u:0:1");
  }

  @Test
  void emptyInputsEncodeAsEmptyText() {
    assertThat(InputOffsets.builder().build().encode()).isEmpty();
    assertThat(InputOffsets.decode("").isEmpty()).isTrue();
  }

  @Test
  void unreadableTextNamesTheEntryAndTheProblem() {
    assertThatThrownBy(() -> InputOffsets.decode("t:0:1;t:x:2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid input offsets entry 2 ('t:x:2'): partition 'x' is not a number");
    assertThatThrownBy(() -> InputOffsets.decode("t:0:9-3"))
        .hasMessage("invalid input offsets entry 1 ('t:0:9-3'): range 9-3 ends before it starts");
    assertThatThrownBy(() -> InputOffsets.decode("justtopic"))
        .hasMessage("invalid input offsets entry 1 ('justtopic'): expected topic:partition:offsets");
    assertThatThrownBy(() -> InputOffsets.decode("t:0:"))
        .hasMessage("invalid input offsets entry 1 ('t:0:'): no offsets");
  }

  @Test
  void negativeOffsetsAreRefused() {
    assertThatThrownBy(() -> InputOffsets.builder().add("t", 0, -1))
        .hasMessage("invalid input coordinates t:0:-1");
  }
}
