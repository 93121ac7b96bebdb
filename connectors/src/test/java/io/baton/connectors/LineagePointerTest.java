package io.baton.connectors;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineagePointerTest {
  private static final List<String> TOPICS = List.of("p.readings", "p.limits");

  /** Every other offset of p.readings:0 from 0: {@code n} inputs no range can summarise. */
  private static InputOffsets scattered(int n) {
    InputOffsets.Builder b = InputOffsets.builder();
    for (int i = 0; i < n; i++) {
      b.add("p.readings", 0, 2L * i);
    }
    return b.build();
  }

  @Test
  void aPointerRoundTripsThroughItsHeader() {
    byte[] exact = LineageEncoder.of("7", TOPICS).exact(scattered(40_000));
    LineagePointer p = LineagePointer.to(exact, 40_000, "per-minute", "p.lineage", 4);

    LineagePointer back = LineagePointer.fromHeaders(List.of(p.header())).orElseThrow();

    assertThat(back).isEqualTo(p);
    assertThat(back.stageVersion()).isEqualTo("7");
    assertThat(back.topic()).isEqualTo("p.lineage");
    assertThat(back.stage()).isEqualTo("per-minute");
    assertThat(back.inputCount()).isEqualTo(40_000);
    assertThat(back.chunks()).isEqualTo(1);
    assertThat(p.encode()[0]).isEqualTo(LineagePointer.FORMAT);
  }

  @Test
  void theKeyIsTheStageAndTheSha256OfTheExactSetAndThePartitionComesFromIt() throws Exception {
    byte[] exact = LineageEncoder.of("1", TOPICS).exact(scattered(40_000));
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(exact);

    LineagePointer p = LineagePointer.to(exact, 40_000, "per-minute", "p.lineage", 4);

    assertThat(p.key()).isEqualTo("per-minute/" + HexFormat.of().formatHex(digest));
    assertThat(p.partition()).isEqualTo(Math.floorMod(java.nio.ByteBuffer.wrap(digest).getInt(), 4));
    // The same set gives the same key (a replayed batch overwrites its own entry); another set another key.
    assertThat(LineagePointer.to(exact.clone(), 40_000, "per-minute", "p.lineage", 4)).isEqualTo(p);
    byte[] other = LineageEncoder.of("1", TOPICS).exact(scattered(40_001));
    assertThat(LineagePointer.to(other, 40_001, "per-minute", "p.lineage", 4).key()).isNotEqualTo(p.key());
  }

  @Test
  void aLargeSetIsSplitIntoChunksOnOnePartitionThatJoinBackToIt() {
    // ~2.6 bytes an input: 600 000 inputs need more than two chunks of 512 KiB.
    InputOffsets inputs = scattered(600_000);
    byte[] exact = LineageEncoder.of("1", TOPICS).exact(inputs);
    LineagePointer p = LineagePointer.to(exact, inputs.count(), "all", "p.lineage", 4);

    List<OutRecord> records = p.records(exact);

    assertThat(records).hasSize((exact.length + LineagePointer.CHUNK_BYTES - 1) / LineagePointer.CHUNK_BYTES);
    assertThat(records.size()).isGreaterThan(1).isEqualTo(p.chunks());
    assertThat(records).allSatisfy(r -> {
      assertThat(r.topic()).hasValue("p.lineage");
      assertThat(r.partition()).isEqualTo(p.partition());
      assertThat(r.value().length).isLessThanOrEqualTo(LineagePointer.CHUNK_BYTES);
    });
    assertThat(records).extracting(r -> new String(r.key(), UTF_8))
        .containsExactly(java.util.stream.IntStream.range(0, records.size()).mapToObj(i -> p.key() + "/" + i).toArray(String[]::new));
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    records.forEach(r -> joined.writeBytes(r.value()));
    assertThat(joined.toByteArray()).isEqualTo(exact);
  }

  @Test
  void provenanceResolvesAPointerToTheExactInputs() {
    InputOffsets inputs = scattered(600_000);
    byte[] exact = LineageEncoder.of("2", TOPICS).exact(inputs);
    LineagePointer p = LineagePointer.to(exact, inputs.count(), "all", "p.lineage", 4);
    LineageStore store = storeOf(p.records(exact));

    Provenance back = Provenance.fromHeaders(List.of(p.header()), TOPICS, store).orElseThrow();

    assertThat(back.stageVersion()).isEqualTo("2");
    assertThat(back.inputs()).isEqualTo(inputs);
    assertThat(back.inputs().isExact()).isTrue();
  }

  @Test
  void anInlineHeaderNeedsNoStore() {
    Provenance p = Provenance.of("1", InputOffsets.decode("p.readings:0:1-3"));
    LineageStore none = pointer -> {
      throw new AssertionError("read " + pointer);
    };

    assertThat(Provenance.fromHeaders(p.toHeaders(TOPICS), TOPICS, none)).hasValue(p);
    assertThat(LineagePointer.fromHeaders(p.toHeaders(TOPICS))).isEmpty();
  }

  @Test
  void lineageRecordsThatDoNotMatchTheDigestAreRefused() {
    byte[] exact = LineageEncoder.of("1", TOPICS).exact(scattered(40_000));
    LineagePointer p = LineagePointer.to(exact, 40_000, "s", "p.lineage", 4);
    byte[] tampered = exact.clone();
    tampered[tampered.length - 1] ^= 1;

    assertThatThrownBy(() -> Provenance.fromHeaders(List.of(p.header()), TOPICS, pointer -> tampered))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not match its digest");
  }

  @Test
  void withoutAStoreAPointerSaysHowToReadIt() {
    byte[] exact = LineageEncoder.of("1", TOPICS).exact(scattered(40_000));
    LineagePointer p = LineagePointer.to(exact, 40_000, "s", "p.lineage", 4);

    assertThatThrownBy(() -> Provenance.fromHeaders(List.of(p.header()), TOPICS))
        .hasMessageContaining("points to the lineage topic").hasMessageContaining("40000 inputs in p.lineage:");
  }

  @Test
  void aCutPointerSaysWhatIsMissing() {
    byte[] value = LineagePointer.to(LineageEncoder.of("1", TOPICS).exact(scattered(10)), 10, "s", "p.lineage", 4)
        .encode();

    assertThatThrownBy(() -> LineagePointer.decode(java.util.Arrays.copyOf(value, value.length - 1)))
        .hasMessageContaining("input count cut off");
    assertThatThrownBy(() -> LineagePointer.decode(new byte[] {1, 0})).hasMessageContaining("not a pointer");
  }

  @Test
  void exactIgnoresTheBudgetAndEncodeExactReturnsNullPastIt() {
    LineageEncoder small = LineageEncoder.of("1", TOPICS, 100);
    InputOffsets inputs = scattered(200);

    assertThat(small.encodeExact(inputs)).isNull();
    byte[] exact = small.exact(inputs);
    assertThat(Provenance.decode(exact, TOPICS).inputs()).isEqualTo(inputs);
    assertThat(small.encodeExact(scattered(10))).isEqualTo(LineageEncoder.of("1", TOPICS).encode(scattered(10)));
  }

  /** A store over lineage records, by key. */
  static LineageStore storeOf(List<OutRecord> records) {
    Map<String, byte[]> byKey = new HashMap<>();
    records.forEach(r -> byKey.put(new String(r.key(), UTF_8), r.value()));
    return pointer -> {
      ByteArrayOutputStream joined = new ByteArrayOutputStream();
      for (int i = 0; i < pointer.chunks(); i++) {
        joined.writeBytes(byKey.get(new String(pointer.chunkKey(i), UTF_8)));
      }
      return joined.toByteArray();
    };
  }
}
