package io.baton.flink.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class IdleAdvancingWatermarksTest {
  /** What a generator emitted: watermarks, and "idle" when it marked its partition idle. */
  private static final class Recorded implements WatermarkOutput {
    final List<Object> emitted = new ArrayList<>();

    @Override public void emitWatermark(Watermark watermark) { emitted.add(watermark.getTimestamp()); }
    @Override public void markIdle() { emitted.add("idle"); }
    @Override public void markActive() { emitted.add("active"); }

    Object last() {
      return emitted.isEmpty() ? null : emitted.get(emitted.size() - 1);
    }
  }

  private long now = 1_000_000;
  private final Recorded out = new Recorded();
  /** Out-of-orderness 2 s, windows close after 5 s of silence. */
  private final IdleAdvancingWatermarks<String> generator =
      IdleAdvancingWatermarks.of(Duration.ofSeconds(2), Duration.ofSeconds(5), () -> now);

  @Test
  void whileRecordsComeTheWatermarkTrailsTheNewestByTheOutOfOrderness() {
    generator.onEvent("a", 10_000, out);
    generator.onEvent("b", 9_000, out);
    generator.onPeriodicEmit(out);
    assertThat(out.last()).isEqualTo(7_999L);
    now += 4_999;
    generator.onPeriodicEmit(out);
    assertThat(out.emitted).containsExactly(7_999L);
  }

  @Test
  void afterTheIdlePeriodEventTimeMovesOnWithTheWallClock() {
    generator.onEvent("a", 10_000, out);
    now += 5_000;
    generator.onPeriodicEmit(out);
    assertThat(out.last()).isEqualTo(7_999L);
    now += 3_000;
    generator.onPeriodicEmit(out);
    assertThat(out.last()).isEqualTo(10_999L);
    // A new record stops the advance; the watermark never goes back.
    generator.onEvent("b", 11_000, out);
    generator.onPeriodicEmit(out);
    assertThat(out.emitted).containsExactly(7_999L, 10_999L);
  }

  @Test
  void aPartitionThatNeverHadARecordIsMarkedIdleAfterTheIdlePeriod() {
    generator.onPeriodicEmit(out);
    assertThat(out.emitted).isEmpty();
    now += 5_000;
    generator.onPeriodicEmit(out);
    assertThat(out.emitted).containsExactly("idle");
  }
}
