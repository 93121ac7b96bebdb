package io.baton.flink.internal.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.flink.streaming.api.windowing.triggers.TriggerResult;
import org.apache.flink.streaming.api.windowing.windows.GlobalWindow;
import org.apache.flink.streaming.runtime.operators.windowing.TriggerTestHarness;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.junit.jupiter.api.Test;

class FillOrWaitTriggerTest {
  private static final GlobalWindow W = GlobalWindow.get();

  private static TriggerTestHarness<String, GlobalWindow> harness(long capacity, Weigher<String> weigher)
      throws Exception {
    return new TriggerTestHarness<>(FillOrWaitTrigger.of(capacity, Duration.ofSeconds(10), weigher),
        new GlobalWindow.Serializer());
  }

  @Test
  void countFiresAndPurgesOnTheNthRecordAndCleansState() throws Exception {
    TriggerTestHarness<String, GlobalWindow> h = harness(3, Weigher.count());
    assertThat(h.processElement(new StreamRecord<>("a"), W)).isEqualTo(TriggerResult.CONTINUE);
    assertThat(h.processElement(new StreamRecord<>("b"), W)).isEqualTo(TriggerResult.CONTINUE);
    assertThat(h.numProcessingTimeTimers()).isEqualTo(1);
    assertThat(h.processElement(new StreamRecord<>("c"), W)).isEqualTo(TriggerResult.FIRE_AND_PURGE);
    assertThat(h.numStateEntries()).isZero();
    assertThat(h.numProcessingTimeTimers()).isZero();
    assertThat(h.numEventTimeTimers()).isZero();
  }

  @Test
  void timeoutFiresAPartialBatchFromTheFirstRecordsArrival() throws Exception {
    TriggerTestHarness<String, GlobalWindow> h = harness(100, Weigher.count());
    h.advanceProcessingTime(1_000);
    h.processElement(new StreamRecord<>("a"), W);
    h.advanceProcessingTime(5_000);
    h.processElement(new StreamRecord<>("b"), W);
    assertThat(h.advanceProcessingTime(10_999)).isEmpty();
    assertThat(h.advanceProcessingTime(11_000, W)).isEqualTo(TriggerResult.FIRE_AND_PURGE);
    assertThat(h.numStateEntries()).isZero();
    assertThat(h.numProcessingTimeTimers()).isZero();
  }

  @Test
  void nextBatchGetsItsOwnDeadline() throws Exception {
    TriggerTestHarness<String, GlobalWindow> h = harness(2, Weigher.count());
    h.processElement(new StreamRecord<>("a"), W);
    h.processElement(new StreamRecord<>("b"), W);
    h.advanceProcessingTime(7_000);
    h.processElement(new StreamRecord<>("c"), W);
    assertThat(h.advanceProcessingTime(16_999)).isEmpty();
    assertThat(h.advanceProcessingTime(17_000, W)).isEqualTo(TriggerResult.FIRE_AND_PURGE);
  }

  @Test
  void bytesFireWhenTheBoxIsFull() throws Exception {
    TriggerTestHarness<String, GlobalWindow> h = harness(10, s -> s.length());
    assertThat(h.processElement(new StreamRecord<>("1234"), W)).isEqualTo(TriggerResult.CONTINUE);
    assertThat(h.processElement(new StreamRecord<>("12345"), W)).isEqualTo(TriggerResult.CONTINUE);
    assertThat(h.processElement(new StreamRecord<>("1"), W)).isEqualTo(TriggerResult.FIRE_AND_PURGE);
    assertThat(h.numStateEntries()).isZero();
  }

  @Test
  void oneOversizedRecordFiresAlone() throws Exception {
    TriggerTestHarness<String, GlobalWindow> h = harness(10, s -> s.length());
    assertThat(h.processElement(new StreamRecord<>("x".repeat(50)), W)).isEqualTo(TriggerResult.FIRE_AND_PURGE);
  }

  @Test
  void endOfBoundedInputFiresThePartialBatch() throws Exception {
    TriggerTestHarness<String, GlobalWindow> h = new TriggerTestHarness<>(
        FillOrWaitTrigger.whenFull(5, Weigher.count()), new GlobalWindow.Serializer());
    h.processElement(new StreamRecord<>("a"), W);
    assertThat(h.numProcessingTimeTimers()).isZero();
    assertThat(h.advanceWatermark(Long.MAX_VALUE, W)).isEqualTo(TriggerResult.FIRE_AND_PURGE);
    assertThat(h.numStateEntries()).isZero();
    assertThat(h.numEventTimeTimers()).isZero();
  }

  @Test
  void countWithoutWaitFiresOnlyWhenFull() throws Exception {
    TriggerTestHarness<String, GlobalWindow> h = new TriggerTestHarness<>(
        FillOrWaitTrigger.whenFull(2, Weigher.count()), new GlobalWindow.Serializer());
    h.processElement(new StreamRecord<>("a"), W);
    assertThat(h.advanceProcessingTime(1_000_000)).isEmpty();
    assertThat(h.processElement(new StreamRecord<>("b"), W)).isEqualTo(TriggerResult.FIRE_AND_PURGE);
  }

  @Test
  void capacityMustBePositive() {
    assertThatThrownBy(() -> FillOrWaitTrigger.of(0, Duration.ofSeconds(1), Weigher.count()))
        .hasMessage("capacity must be positive, got 0");
  }
}
