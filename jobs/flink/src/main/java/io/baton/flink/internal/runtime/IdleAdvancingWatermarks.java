package io.baton.flink.internal.runtime;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Watermarks that trail the newest timestamp by the out-of-orderness while records come, and
 * once a partition has been quiet for {@code idle} of processing time, move on with the wall
 * clock: each millisecond of further silence advances event time by one. So the windows of a source
 * that has gone quiet close without later data ({@code Topic.closeWindowsAfterIdle}). A partition
 * that never had a record is marked idle after {@code idle}, so it holds back no one.
 * A record arriving after event time moved on may be late for its window (a {@code late} dead letter).
 *
 * <pre>{@code
 * WatermarkStrategy.<KafkaRecord>forGenerator(c -> IdleAdvancingWatermarks.of(Duration.ofSeconds(5), Duration.ofMinutes(1)))
 * }</pre>
 */
public final class IdleAdvancingWatermarks<T> implements WatermarkGenerator<T> {
  /** The processing-time clock, replaceable in tests. */
  @FunctionalInterface
  public interface Clock extends Serializable {
    long millis();
  }

  private final long outOfOrderness;
  private final long idle;
  private final Clock clock;
  private long newest = Long.MIN_VALUE;
  private long lastRecordAt;
  private long emitted = Long.MIN_VALUE;

  private IdleAdvancingWatermarks(Duration outOfOrderness, Duration idle, Clock clock) {
    this.outOfOrderness = outOfOrderness.toMillis();
    this.idle = idle.toMillis();
    this.clock = clock;
    this.lastRecordAt = clock.millis();
  }

  public static <T> IdleAdvancingWatermarks<T> of(Duration outOfOrderness, Duration idle) {
    return of(outOfOrderness, idle, System::currentTimeMillis);
  }

  public static <T> IdleAdvancingWatermarks<T> of(Duration outOfOrderness, Duration idle, Clock clock) {
    return new IdleAdvancingWatermarks<>(outOfOrderness, idle, clock);
  }

  @Override
  public void onEvent(T event, long timestamp, WatermarkOutput output) {
    newest = Math.max(newest, timestamp);
    lastRecordAt = clock.millis();
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    long quiet = clock.millis() - lastRecordAt;
    if (newest == Long.MIN_VALUE) {
      if (quiet >= idle) {
        output.markIdle();
      }
      return;
    }
    long watermark = newest - outOfOrderness - 1 + Math.max(0, quiet - idle);
    if (watermark > emitted) {
      emitted = watermark;
      output.emitWatermark(new Watermark(watermark));
    }
  }

  @Override
  public String toString() {
    return "IdleAdvancingWatermarks.of(" + Duration.ofMillis(outOfOrderness) + ", " + Duration.ofMillis(idle) + ")";
  }
}
