package io.baton.flink.internal.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.flink.streaming.api.windowing.triggers.TriggerResult;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.streaming.runtime.operators.windowing.TriggerTestHarness;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.junit.jupiter.api.Test;

class SlidingTriggerTest {
  /** Windows of 10 s every 5 s, 1 s grace. */
  private static final SlidingTrigger TRIGGER =
      SlidingTrigger.of(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(1));

  private static TriggerTestHarness<Object, TimeWindow> harness() throws Exception {
    return new TriggerTestHarness<>(TRIGGER, new TimeWindow.Serializer());
  }

  @Test
  void firesAtTheWindowsEndAndCleansItsTimer() throws Exception {
    TriggerTestHarness<Object, TimeWindow> h = harness();
    TimeWindow w = new TimeWindow(0, 10_000);
    assertThat(h.processElement(new StreamRecord<>("a", 7_000), w)).isEqualTo(TriggerResult.CONTINUE);
    assertThat(h.numEventTimeTimers(w)).isEqualTo(1);
    assertThat(h.advanceWatermark(9_998)).isEmpty();
    assertThat(h.advanceWatermark(9_999, w)).isEqualTo(TriggerResult.FIRE);
    h.clearTriggerState(w);
    assertThat(h.numEventTimeTimers()).isZero();
    assertThat(h.numStateEntries()).isZero();
  }

  @Test
  void aRecordWithinGraceOfAClosedWindowFiresItAgain() throws Exception {
    TriggerTestHarness<Object, TimeWindow> h = harness();
    h.advanceWatermark(10_500);
    assertThat(h.processElement(new StreamRecord<>("a", 7_000), new TimeWindow(0, 10_000)))
        .isEqualTo(TriggerResult.FIRE);
  }

  @Test
  void countsTheWindowsARecordCameTooLateFor() {
    // A record at 7 s belongs to [0, 10) and [5, 15): [0, 10) is gone once the watermark reaches 10.999 s.
    assertThat(TRIGGER.missedWindows(7_000, 10_998)).isZero();
    assertThat(TRIGGER.missedWindows(7_000, 10_999)).isEqualTo(1);
    assertThat(TRIGGER.missedWindows(7_000, 15_999)).isEqualTo(2);
    // A record at 12 s belongs to [5, 15) and [10, 20).
    assertThat(TRIGGER.missedWindows(12_000, 15_999)).isEqualTo(1);
  }
}
