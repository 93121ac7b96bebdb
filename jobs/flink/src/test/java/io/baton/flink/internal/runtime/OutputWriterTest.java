package io.baton.flink.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.connectors.BatonHeaders;
import io.baton.connectors.Header;
import io.baton.connectors.InputOffsets;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.LineageEncoder;
import io.baton.connectors.LineagePointer;
import io.baton.connectors.LineageStore;
import io.baton.connectors.OutRecord;
import io.baton.connectors.Provenance;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.wire.ClassRef;
import io.baton.schemas.wire.WireEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.junit.jupiter.api.Test;

/** The writer keeps lineage inline while it fits the budget and moves it to the lineage topic one input past it. */
class OutputWriterTest {
  private static final List<String> IN = List.of("p.readings");
  private static final Reading VALUE = Reading.newBuilder().setSensorId("a").setCelsius(1).setTimestamp(0).build();

  private static OutputWriter writer(int budget, boolean lineage) {
    StageInfo stage = new StageInfo("p", "all", "3", IN, "p.all", ClassRef.of(Reading.class), "p.all.dead-letter", lineage);
    OutputWriter w = new OutputWriter(stage, null, budget);
    @SuppressWarnings({"unchecked", "rawtypes"})
    WireEncoder<SpecificRecord> encoder = (WireEncoder) WireEncoder.forSpecific(Reading.class, 1);
    w.open(encoder);
    return w;
  }

  /** Every other offset from 0, as envelopes of the batch. */
  private static List<Envelope> scattered(int n) {
    List<Envelope> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      KafkaRecord r = KafkaRecord.builder().topic("p.readings").partition(0).offset(2L * i).value(new byte[0]).build();
      batch.add(new Envelope(0, "a", i, r));
    }
    return batch;
  }

  private static InputOffsets offsets(List<Envelope> batch) {
    InputOffsets.Builder b = InputOffsets.builder();
    batch.forEach(e -> b.add(e.record));
    return b.build();
  }

  private static List<OutRecord> write(OutputWriter w, List<Envelope> batch) {
    List<OutRecord> out = new ArrayList<>();
    w.write(VALUE, "a", 5, batch, new ListCollector<>(out));
    return out;
  }

  @Test
  void aBatchWhoseExactLineageFillsTheBudgetStaysInline() {
    List<Envelope> batch = scattered(100);
    int size = LineageEncoder.of("3", IN).encode(offsets(batch)).length;

    List<OutRecord> out = write(writer(size, true), batch);

    assertThat(out).singleElement().satisfies(r -> {
      assertThat(r.topic()).isEmpty();
      byte[] header = header(r);
      assertThat(header).hasSize(size);
      assertThat(Provenance.decode(header, IN).inputs()).isEqualTo(offsets(batch));
    });
  }

  @Test
  void oneByteOverTheBudgetTheInputsGoToTheLineageTopicFirstAndTheOutputPointsThere() {
    List<Envelope> batch = scattered(100);
    int size = LineageEncoder.of("3", IN).encode(offsets(batch)).length;

    List<OutRecord> out = write(writer(size - 1, true), batch);

    assertThat(out).hasSize(2);
    OutRecord lineage = out.get(0);
    OutRecord output = out.get(1);
    assertThat(lineage.topic()).hasValue("p.lineage");
    assertThat(output.topic()).as("the output goes to the sink's default topic").isEmpty();
    assertThat(output.key()).isEqualTo("a".getBytes(StandardCharsets.UTF_8));
    LineagePointer pointer = LineagePointer.fromHeaders(output.headers()).orElseThrow();
    assertThat(pointer.topic()).isEqualTo("p.lineage");
    assertThat(pointer.stage()).isEqualTo("all");
    assertThat(pointer.inputCount()).isEqualTo(100);
    assertThat(lineage.partition()).isEqualTo(pointer.partition()).isBetween(0, LineagePointer.PARTITIONS - 1);
    assertThat(new String(lineage.key(), StandardCharsets.UTF_8)).isEqualTo(pointer.key() + "/0");
    assertThat(lineage.value()).hasSize(size);
    Provenance p = Provenance.fromHeaders(output.headers(), IN, storeOf(out)).orElseThrow();
    assertThat(p.stageVersion()).isEqualTo("3");
    assertThat(p.inputs()).isEqualTo(offsets(batch));
  }

  @Test
  void theRealBudgetHoldsAboutThirtyTwoThousandScatteredInputsAndNoMore() {
    OutputWriter w = writer(LineageEncoder.MAX_BYTES, true);
    List<Envelope> fits = scattered(30_000);
    List<Envelope> passes = scattered(40_000);

    assertThat(write(w, fits)).hasSize(1);
    List<OutRecord> out = write(w, passes);
    assertThat(out).hasSize(2);
    assertThat(header(out.get(1)).length).isLessThan(200);
    assertThat(Provenance.fromHeaders(out.get(1).headers(), IN, storeOf(out)).orElseThrow().inputs())
        .isEqualTo(offsets(passes));
  }

  @Test
  void anAggregatesOffsetSetTakesTheSamePathAndAPassThroughStaysOneRecord() {
    OutputWriter w = writer(64, true);
    List<OutRecord> out = new ArrayList<>();
    w.write(VALUE, null, 5, offsets(scattered(100)), new ListCollector<>(out));
    assertThat(out).hasSize(2);
    assertThat(LineagePointer.fromHeaders(out.get(1).headers())).isPresent();

    OutRecord one = w.write(VALUE, null, 5, scattered(1));
    assertThat(header(one)).isEqualTo(LineageEncoder.of("3", IN).header("p.readings", 0, 0).value());
  }

  @Test
  void withLineageOffNothingGoesToTheLineageTopic() {
    List<OutRecord> out = write(writer(64, false), scattered(100));

    assertThat(out).singleElement().satisfies(r -> assertThat(r.headers()).isEmpty());
  }

  private static byte[] header(OutRecord r) {
    return r.headers().stream().filter(h -> h.key().equals(BatonHeaders.LINEAGE)).map(Header::value).findFirst()
        .orElseThrow();
  }

  private static LineageStore storeOf(List<OutRecord> records) {
    Map<String, byte[]> byKey = new HashMap<>();
    records.stream().filter(r -> r.topic().isPresent())
        .forEach(r -> byKey.put(new String(r.key(), StandardCharsets.UTF_8), r.value()));
    return pointer -> {
      ByteArrayOutputStream joined = new ByteArrayOutputStream();
      for (int i = 0; i < pointer.chunks(); i++) {
        joined.writeBytes(byKey.get(new String(pointer.chunkKey(i), StandardCharsets.UTF_8)));
      }
      return joined.toByteArray();
    };
  }
}
