package io.baton.connectors;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
  private static final List<String> TOPICS = List.of("sensor-story.readings", "sensor-story.limits");

  @Test
  void theHeaderRoundTripsWithTopicsNamedBySide() {
    Provenance p = Provenance.of("3", InputOffsets.decode("sensor-story.limits:2:7;sensor-story.readings:0:0-99,150"));

    List<Header> headers = p.toHeaders(TOPICS);

    assertThat(headers).extracting(Header::key).containsExactly(BatonHeaders.LINEAGE);
    assertThat(Provenance.fromHeaders(headers, TOPICS)).hasValue(p);
  }

  @Test
  void theBytesAreTheDocumentedFormat() {
    byte[] value = LineageEncoder.of("3", TOPICS)
        .encode(InputOffsets.decode("sensor-story.limits:2:7;sensor-story.readings:0:300-301,310"));

    assertThat(value).containsExactly(
        1, 1, '3',                                  // format, version "3"
        1, 2, 2, 7, 0,                              // side 1 (limits), partition 2, one range: 7..7
        0, 0, 4, 0xAC - 256, 0x02, 1, 9, 0);        // side 0, partition 0, two ranges: 300 (varint AC 02)..+1, +9..+0
  }

  @Test
  void aPassThroughsHeaderIsAFewBytes() {
    Header h = LineageEncoder.of("1", List.of("sensor-story.readings")).header("sensor-story.readings", 0, 2_760_000);

    // Before: four text headers of ~99 bytes. Now the key and 11 bytes of value.
    assertThat(h.key().getBytes(UTF_8).length + h.value().length).isLessThanOrEqualTo(24);
    assertThat(h.value()).hasSize(11);
  }

  @Test
  void theOneInputPathWritesTheSameBytesAsTheGeneralOne() {
    LineageEncoder lineage = LineageEncoder.of("12", TOPICS);
    for (long offset : new long[] {0, 127, 128, 2_760_000, 1L << 62}) {
      Header one = lineage.header(TOPICS.get(1), 5, offset);
      assertThat(one.value()).isEqualTo(lineage.encode(InputOffsets.of(TOPICS.get(1), 5, offset)));
      assertThat(Provenance.fromHeaders(List.of(one), TOPICS).orElseThrow().inputs().offsets(TOPICS.get(1), 5))
          .containsExactly(offset);
    }
  }

  @Test
  void randomOffsetSetsRoundTripExactlyWithinTheBudget() {
    Random random = new Random(7);
    for (int trial = 0; trial < 500; trial++) {
      InputOffsets.Builder b = InputOffsets.builder();
      List<TreeSet<Long>> expected = List.of(new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
      long base = random.nextBoolean() ? 0 : (long) random.nextInt(Integer.MAX_VALUE) << random.nextInt(24);
      int n = 1 + random.nextInt(random.nextBoolean() ? 5 : 3_000);
      for (int i = 0; i < n; i++) {
        int side = random.nextInt(2);
        int partition = random.nextInt(2);
        long offset = base + random.nextInt(random.nextBoolean() ? 50 : 100_000);
        b.add(TOPICS.get(side), partition, offset);
        expected.get(side * 2 + partition).add(offset);
      }
      Provenance p = Provenance.of("v" + trial, b.build());

      Provenance back = Provenance.fromHeaders(p.toHeaders(TOPICS), TOPICS).orElseThrow();

      assertThat(back).isEqualTo(p);
      assertThat(back.stageVersion()).isEqualTo("v" + trial);
      for (int i = 0; i < 4; i++) {
        long[] offsets = expected.get(i).stream().mapToLong(Long::longValue).toArray();
        assertThat(back.inputs().offsets(TOPICS.get(i / 2), i % 2)).as("trial %d", trial).containsExactly(offsets);
      }
    }
  }

  @Test
  void overTheBudgetEachPartitionBecomesOneApproximateSpan() {
    Random random = new Random(11);
    for (int trial = 0; trial < 50; trial++) {
      InputOffsets.Builder b = InputOffsets.builder();
      for (int partition = 0; partition < 3; partition++) {
        long offset = random.nextInt(1_000_000);
        for (int i = 0; i < 2_000; i++) {
          b.add(TOPICS.get(0), partition, offset);
          offset += 2 + random.nextInt(500);
        }
      }
      InputOffsets inputs = b.build();

      List<Header> headers = Provenance.of("1", inputs).toHeaders(TOPICS, 1_000);

      assertThat(headers.get(0).value().length).isLessThanOrEqualTo(1_000);
      InputOffsets back = Provenance.fromHeaders(headers, TOPICS).orElseThrow().inputs();
      assertThat(back.isExact()).isFalse();
      assertThat(back.count()).isZero();
      for (int partition = 0; partition < 3; partition++) {
        long[] exact = inputs.offsets(TOPICS.get(0), partition);
        // The span runs from the first input to the last: it holds every input and nothing outside.
        assertThat(back.contains(TOPICS.get(0), partition, exact[0] - 1)).isFalse();
        assertThat(back.contains(TOPICS.get(0), partition, exact[exact.length - 1] + 1)).isFalse();
        for (long o : exact) {
          assertThat(back.contains(TOPICS.get(0), partition, o)).isTrue();
        }
      }
      // The same inputs under the default budget stay exact.
      assertThat(Provenance.fromHeaders(Provenance.of("1", inputs).toHeaders(TOPICS), TOPICS).orElseThrow().inputs())
          .isEqualTo(inputs);
    }
  }

  @Test
  void approximateSpansStayApproximateWhenWrittenAgain() {
    InputOffsets spans = InputOffsets.decode("sensor-story.readings:0:~100-5000;sensor-story.readings:1:3-4");

    InputOffsets back = Provenance.fromHeaders(Provenance.of("1", spans).toHeaders(TOPICS), TOPICS).orElseThrow().inputs();

    assertThat(back.encode()).isEqualTo("sensor-story.readings:0:~100-5000;sensor-story.readings:1:3-4");
  }

  @Test
  void lastOccurrenceWinsWhenHeadersRepeat() {
    List<Header> headers = new ArrayList<>(Provenance.of("1", InputOffsets.of(TOPICS.get(0), 0, 1)).toHeaders(TOPICS));
    headers.addAll(Provenance.of("2", InputOffsets.of(TOPICS.get(1), 0, 2)).toHeaders(TOPICS));

    assertThat(Provenance.fromHeaders(headers, TOPICS)).get().satisfies(p -> {
      assertThat(p.stageVersion()).isEqualTo("2");
      assertThat(p.inputs().encode()).isEqualTo("sensor-story.limits:0:2");
    });
  }

  @Test
  void recordWithoutLineageHasNone() {
    assertThat(Provenance.fromHeaders(List.of(Header.ofString("x", "y")), TOPICS)).isEmpty();
  }

  @Test
  void unreadableValuesSayWhatIsWrong() {
    byte[] good = LineageEncoder.of("1", TOPICS).encode(InputOffsets.of(TOPICS.get(1), 0, 300));
    assertThatThrownBy(() -> Provenance.decode(new byte[] {9, 1, '1'}, TOPICS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid baton.lineage header: unknown format 9, expected 1");
    assertThatThrownBy(() -> Provenance.decode(java.util.Arrays.copyOf(good, good.length - 2), TOPICS))
        .hasMessage("invalid baton.lineage header: offset cut off at byte 7");
    assertThatThrownBy(() -> Provenance.decode(good, List.of("only-one")))
        .hasMessage("invalid baton.lineage header: side 1 but the stage reads only [only-one]");
    assertThatThrownBy(() -> Provenance.decode(new byte[] {1, 5, '1'}, TOPICS))
        .hasMessage("invalid baton.lineage header: version of 5 bytes runs past the end");
  }

  @Test
  void anInputFromATopicTheStageDoesNotReadIsRefused() {
    assertThatThrownBy(() -> LineageEncoder.of("1", TOPICS).encode(InputOffsets.of("elsewhere", 0, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("input topic elsewhere is not one the stage reads");
  }

  @Test
  void aBlankVersionIsRefused() {
    assertThatThrownBy(() -> Provenance.of(" ", InputOffsets.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid Provenance: stageVersion must not be blank, got ' '");
  }
}
