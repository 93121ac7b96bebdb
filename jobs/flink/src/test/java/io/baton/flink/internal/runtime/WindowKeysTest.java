package io.baton.flink.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.connectors.KafkaRecord;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.junit.jupiter.api.Test;

class WindowKeysTest {

  private static final WindowAssigner.WindowAssignerContext NO_CLOCK = new WindowAssigner.WindowAssignerContext() {
    @Override
    public long getCurrentProcessingTime() {
      return 0;
    }
  };

  @Test
  void windowsAreTheOnesFlinksAssignersGive() {
    Random random = new Random(7);
    long[][] sizeSlide = {{10_000, 10_000}, {60_000, 60_000}, {10_000, 2_000}, {10_000, 3_000}, {5_000, 5_001}};
    for (long[] ss : sizeSlide) {
      WindowAssigner<Object, TimeWindow> flink = ss[0] == ss[1]
          ? TumblingEventTimeWindows.of(Duration.ofMillis(ss[0]))
          : SlidingEventTimeWindows.of(Duration.ofMillis(ss[0]), Duration.ofMillis(ss[1]));
      for (int i = 0; i < 2_000; i++) {
        long time = 1_700_000_000_000L + random.nextInt(1_000_000) - (i % 7 == 0 ? 1_700_000_000_000L + 500_000 : 0);
        long[] expected = flink.assignWindows(null, time, NO_CLOCK).stream()
            .mapToLong(TimeWindow::getStart).sorted().toArray();
        long[] actual = WindowKeys.starts(time, ss[0], ss[1]);
        Arrays.sort(actual);
        assertThat(actual).as("time %d, size %d, slide %d", time, ss[0], ss[1]).containsExactly(expected);
      }
    }
  }

  @Test
  void preAssignedWindowIsTheEnvelopesWindowStartPlusSize() {
    Envelope e = new Envelope(0, "k", 20_000, record(0, 5));
    assertThat(PreAssignedWindows.of(10_000).assignWindows(e, 123, NO_CLOCK))
        .containsExactly(new TimeWindow(20_000, 30_000));
  }

  @Test
  void flinkKeyTellsBatchKeysAndWindowsApart() {
    List<String> keys = List.of(
        WindowKeys.flinkKey(new Envelope(0, "", 10_000, record(0, 1))),
        WindowKeys.flinkKey(new Envelope(0, "", 20_000, record(0, 1))),
        WindowKeys.flinkKey(new Envelope(0, "a", 10_000, record(0, 1))),
        WindowKeys.flinkKey(new Envelope(0, "1|a", 10_000, record(0, 1))));
    assertThat(keys).doesNotHaveDuplicates();
  }

  @Test
  void arrivalSortsByInputThenPartitionThenOffset() {
    List<Envelope> byArrival = List.of(new Envelope(0, "", 0, record(0, 5)), new Envelope(0, "", 0, record(0, 6)),
        new Envelope(0, "", 0, record(1, 0)), new Envelope(1, "", 0, record(0, 0)));
    long[] stamps = byArrival.stream().mapToLong(WindowKeys::arrival).toArray();
    long[] sorted = stamps.clone();
    Arrays.sort(sorted);
    assertThat(stamps).containsExactly(sorted).doesNotHaveDuplicates();
  }

  private static KafkaRecord record(int partition, long offset) {
    return new KafkaRecord("t", partition, offset, 0, null, new byte[0], List.of());
  }
}
