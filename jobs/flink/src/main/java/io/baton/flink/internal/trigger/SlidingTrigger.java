package io.baton.flink.internal.trigger;

import java.time.Duration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.triggers.TriggerResult;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * Event-time firing for sliding windows (as Flink's {@code EventTimeTrigger}: at the window's end,
 * and again for each record that comes within grace after it) that also makes partly late records
 * visible. A record belongs to {@code size / slide} windows; when it comes after some of them have
 * closed for good (end + grace behind the watermark) but not all, Flink adds it to the open ones and
 * drops it from the closed ones without a word. This trigger counts such a record once in the
 * operator's {@code baton.partlyLate} counter, and the windows it missed in {@code baton.partlyLateWindows}.
 * A record late for all of its windows never reaches a trigger: it is a {@code late} dead letter.
 *
 * <pre>{@code
 * keyed.window(SlidingEventTimeWindows.of(size, slide))
 *     .trigger(SlidingTrigger.of(size, slide, grace)).allowedLateness(grace)
 * }</pre>
 */
public final class SlidingTrigger extends Trigger<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final long size;
  private final long slide;
  private final long grace;
  private transient Counter partlyLate;
  private transient Counter partlyLateWindows;

  private SlidingTrigger(long size, long slide, long grace) {
    this.size = size;
    this.slide = slide;
    this.grace = grace;
  }

  /** For windows of {@code size} every {@code slide} that accept records up to {@code grace} late. */
  public static SlidingTrigger of(Duration size, Duration slide, Duration grace) {
    return new SlidingTrigger(size.toMillis(), slide.toMillis(), grace.toMillis());
  }

  @Override
  public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
    if (window.getStart() == TimeWindow.getWindowStartWithOffset(timestamp, 0, slide)) {
      // Its newest window: every record that reaches a trigger at all reaches this one, once.
      countMissedWindows(timestamp, ctx);
    }
    if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
      return TriggerResult.FIRE;
    }
    ctx.registerEventTimeTimer(window.maxTimestamp());
    return TriggerResult.CONTINUE;
  }

  private void countMissedWindows(long timestamp, TriggerContext ctx) {
    long missed = missedWindows(timestamp, ctx.getCurrentWatermark());
    if (missed > 0) {
      if (partlyLate == null) {
        partlyLate = ctx.getMetricGroup().addGroup("baton").counter("partlyLate");
        partlyLateWindows = ctx.getMetricGroup().addGroup("baton").counter("partlyLateWindows");
      }
      partlyLate.inc();
      partlyLateWindows.inc(missed);
    }
  }

  /**
   * How many windows of a record at {@code timestamp} had closed for good at {@code watermark}
   * (their last millisecond plus grace behind it), as Flink's window operator judges them.
   */
  long missedWindows(long timestamp, long watermark) {
    long missed = 0;
    for (long start = TimeWindow.getWindowStartWithOffset(timestamp, 0, slide); start > timestamp - size;
        start -= slide) {
      if (start + size - 1 + grace <= watermark) {
        missed++;
      }
    }
    return missed;
  }

  @Override
  public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
    return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public void clear(TimeWindow window, TriggerContext ctx) {
    ctx.deleteEventTimeTimer(window.maxTimestamp());
  }

  @Override
  public String toString() {
    return "SlidingTrigger.of(" + Duration.ofMillis(size) + ", " + Duration.ofMillis(slide) + ", "
        + Duration.ofMillis(grace) + ")";
  }
}
