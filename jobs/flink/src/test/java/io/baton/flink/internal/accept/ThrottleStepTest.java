package io.baton.flink.internal.accept;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.accept.Excess;
import io.baton.api.accept.RateLimit;
import io.baton.api.fn.KeyFunction;
import io.baton.connectors.DeadLetter;
import io.baton.connectors.KafkaRecord;
import io.baton.flink.internal.runtime.DeadLetterOutput;
import io.baton.flink.internal.runtime.Envelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/** The rate-limit operator on Flink's keyed operator harness: back-pressure holds records in state, never the thread. */
class ThrottleStepTest {
  private static final DeadLetterOutput REJECTS =
      DeadLetterOutput.of(DeadLetter.forStage("p", "s", "p.s.dead-letter"));
  private final List<KeyedOneInputStreamOperatorTestHarness<String, Envelope, Envelope>> opened = new ArrayList<>();
  private long offset;

  @AfterEach
  void close() throws Exception {
    for (var h : opened) {
      h.close();
    }
  }

  private KeyedOneInputStreamOperatorTestHarness<String, Envelope, Envelope> harness(long permits, Excess excess,
      OperatorSubtaskState restoreFrom, long startAt) throws Exception {
    KeyFunction<Object, String> key = Object::toString;
    ThrottleStep step = new ThrottleStep(new RateLimit<>("key", key, permits, Duration.ofSeconds(1), excess), false,
        REJECTS);
    var h = new KeyedOneInputStreamOperatorTestHarness<>(step, (Envelope e) -> e.rateKey, Types.STRING);
    opened.add(h);
    h.setProcessingTime(startAt);
    if (restoreFrom != null) {
      h.initializeState(restoreFrom);
    }
    h.open();
    return h;
  }

  /** A record of {@code key} with the next offset, its Flink timestamp {@code time}. */
  private StreamRecord<Envelope> record(String key, long time) {
    KafkaRecord record = new KafkaRecord("in", 0, offset++, time, null, new byte[] {1}, List.of());
    Envelope e = new Envelope(0, "", time, record);
    e.rateKey = key;
    return new StreamRecord<>(e, time);
  }

  private static void send(KeyedOneInputStreamOperatorTestHarness<String, Envelope, Envelope> h,
      List<StreamRecord<Envelope>> records) throws Exception {
    for (StreamRecord<Envelope> r : records) {
      h.processElement(r);
    }
  }

  /** What came out, as key@offset, and forgets it. */
  private static List<String> drain(KeyedOneInputStreamOperatorTestHarness<String, Envelope, Envelope> h) {
    List<String> out = new ArrayList<>();
    for (Object o : h.getOutput()) {
      if (o instanceof StreamRecord<?> r && r.getValue() instanceof Envelope e) {
        out.add(e.rateKey + "@" + e.record.offset());
      }
    }
    h.getOutput().clear();
    return out;
  }

  private static List<Long> watermarks(KeyedOneInputStreamOperatorTestHarness<String, Envelope, Envelope> h) {
    List<Long> out = new ArrayList<>();
    for (Object o : h.getOutput()) {
      if (o instanceof Watermark w) {
        out.add(w.getTimestamp());
      }
    }
    return out;
  }

  private List<StreamRecord<Envelope>> records(String key, int n) {
    List<StreamRecord<Envelope>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(record(key, 1_000 + offset));
    }
    return out;
  }

  @Test
  void excessRecordsWaitForLaterIntervalsAndLeaveInArrivalOrderAtPermitsPerInterval() throws Exception {
    var h = harness(2, Excess.BACK_PRESSURE, null, 0);
    send(h, records("a", 5));
    assertThat(drain(h)).containsExactly("a@0", "a@1");
    h.setProcessingTime(999);
    assertThat(drain(h)).isEmpty();
    h.setProcessingTime(1_000);
    assertThat(drain(h)).containsExactly("a@2", "a@3");
    h.setProcessingTime(2_000);
    assertThat(drain(h)).containsExactly("a@4");
    assertThat(h.numKeyedStateEntries()).isEqualTo(1); // only the key's count (with its TTL) is left
    assertThat(h.numProcessingTimeTimers()).isZero();
  }

  @Test
  void otherKeysPassWhileAHotKeyWaits() throws Exception {
    var h = harness(1, Excess.BACK_PRESSURE, null, 0);
    send(h, records("hot", 3));
    send(h, records("cold", 1));
    send(h, records("other", 1));
    assertThat(drain(h)).containsExactly("hot@0", "cold@3", "other@4");
  }

  @Test
  void aKeyWithWaitingRecordsQueuesNewOnesEvenWhenItsIntervalHasPermitsLeft() throws Exception {
    var first = harness(2, Excess.BACK_PRESSURE, null, 0);
    send(first, records("a", 3));
    assertThat(drain(first)).containsExactly("a@0", "a@1");
    OperatorSubtaskState snapshot = first.snapshot(1, 500);
    // Restored in the next interval, before the overdue timer fires: a@3 has a permit but must not overtake a@2.
    var second = harness(2, Excess.BACK_PRESSURE, snapshot, 1_500);
    send(second, records("a", 1));
    assertThat(drain(second)).isEmpty();
    second.setProcessingTime(1_600);
    assertThat(drain(second)).containsExactly("a@2", "a@3");
  }

  @Test
  void aSnapshotKeepsEveryWaitingRecordSoARestoreLosesAndRepeatsNone() throws Exception {
    var first = harness(2, Excess.BACK_PRESSURE, null, 0);
    send(first, records("a", 6));
    send(first, records("b", 3));
    List<String> out = new ArrayList<>(drain(first));
    first.setProcessingTime(1_000);
    out.addAll(drain(first));
    OperatorSubtaskState snapshot = first.snapshot(1, 1_000);
    first.setProcessingTime(2_000); // what happened after the checkpoint is lost with the failed task
    drain(first);

    var second = harness(2, Excess.BACK_PRESSURE, snapshot, 1_000);
    for (long t = 2_000; t <= 4_000; t += 1_000) {
      second.setProcessingTime(t);
      out.addAll(drain(second));
    }
    assertThat(out).filteredOn(s -> s.startsWith("a@")).containsExactly("a@0", "a@1", "a@2", "a@3", "a@4", "a@5");
    assertThat(out).filteredOn(s -> s.startsWith("b@")).containsExactly("b@6", "b@7", "b@8");
    assertThat(out).hasSize(9);
  }

  @Test
  void theWatermarkStaysBelowTheOldestWaitingRecord() throws Exception {
    var h = harness(1, Excess.BACK_PRESSURE, null, 0);
    h.processElement(record("a", 10));
    h.processElement(record("a", 20));
    h.processElement(record("a", 30));
    h.processWatermark(100);
    assertThat(watermarks(h)).containsExactly(19L);
    h.setProcessingTime(1_000);
    assertThat(watermarks(h)).containsExactly(19L, 29L);
    h.setProcessingTime(2_000);
    assertThat(watermarks(h)).containsExactly(19L, 29L, 100L);
  }

  @Test
  void theEndOfTheInputReleasesEveryWaitingRecordInArrivalOrderPerKey() throws Exception {
    var h = harness(1, Excess.BACK_PRESSURE, null, 0);
    send(h, records("a", 3));
    send(h, records("b", 2));
    send(h, records("a", 1));
    assertThat(drain(h)).containsExactly("a@0", "b@3");
    h.endInput();
    List<String> rest = drain(h);
    assertThat(rest).containsExactlyInAnyOrder("a@1", "a@2", "a@5", "b@4");
    assertThat(rest).filteredOn(s -> s.startsWith("a@")).containsExactly("a@1", "a@2", "a@5");
    assertThat(h.numKeyedStateEntries()).isEqualTo(2); // the two keys' counts
  }

  @Test
  void theFinalWatermarkReleasesEveryWaitingRecordBeforeItGoesOn() throws Exception {
    var h = harness(1, Excess.BACK_PRESSURE, null, 0);
    send(h, records("a", 3));
    drain(h);
    h.processWatermark(Long.MAX_VALUE);
    assertThat(drain(h)).containsExactly("a@1", "a@2");
    assertThat(watermarks(h)).isEmpty(); // drained with the records: the watermark came after them
  }

  @Test
  void deadLetterExcessGoesToTheSideOutputAndNothingWaits() throws Exception {
    var h = harness(2, Excess.DEAD_LETTER, null, 0);
    send(h, records("a", 3));
    assertThat(drain(h)).containsExactly("a@0", "a@1");
    assertThat(h.getSideOutput(DeadLetterOutput.TAG)).hasSize(1);
    assertThat(h.numProcessingTimeTimers()).isZero();
  }

  /** Keeps the count as the rate limit did as a process function, before back-pressure moved into keyed state. */
  private static final class FormerCount extends KeyedProcessFunction<String, Envelope, Envelope> {
    private transient ValueState<Tuple2<Long, Long>> window;

    @Override
    public void open(OpenContext context) {
      ValueStateDescriptor<Tuple2<Long, Long>> d =
          new ValueStateDescriptor<>("rate-window", Types.TUPLE(Types.LONG, Types.LONG));
      d.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMinutes(1)).build());
      window = getRuntimeContext().getState(d);
    }

    @Override
    public void processElement(Envelope in, Context ctx, Collector<Envelope> out) throws Exception {
      Tuple2<Long, Long> w = window.value();
      window.update(Tuple2.of(0L, w == null ? 1L : w.f1 + 1));
      out.collect(in);
    }
  }

  @Test
  void theCountsOfTheFormerProcessFunctionRestore() throws Exception {
    var former = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new FormerCount()),
        (Envelope e) -> e.rateKey, Types.STRING);
    opened.add(former);
    former.open();
    send(former, records("a", 2));
    var h = harness(2, Excess.BACK_PRESSURE, former.snapshot(1, 0), 500);
    send(h, records("a", 1));
    assertThat(drain(h)).isEmpty(); // a's two permits of interval 0 were used before the restore
    h.setProcessingTime(1_000);
    assertThat(drain(h)).containsExactly("a@2");
  }
}
