package io.baton.flink.internal.trigger;

import io.baton.api.internal.Checks;
import java.time.Duration;
import org.apache.flink.api.common.state.ReducingState;
import org.apache.flink.api.common.state.ReducingStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.triggers.TriggerResult;
import org.apache.flink.streaming.api.windowing.windows.Window;

/**
 * Fires and purges a batch when it is full (its elements weigh {@code capacity} or more) or when
 * {@code maxWait} of processing time has passed since its first element, whichever comes first.
 * Counting is weight 1 per element ({@code Batch.countOrTime}); bytes are the element's size
 * ({@code Batch.bytes}). After each firing the state and timer are gone, so the next element
 * starts a new batch with a new deadline. Without {@code maxWait} ({@code Batch.count}) only a
 * full batch fires. At the end of a bounded input (the watermark reaches the window's end) the
 * last, partial batch fires too, so a bounded run loses nothing.
 *
 * <pre>{@code
 * stream.keyBy(..).window(GlobalWindows.create())
 *     .trigger(FillOrWaitTrigger.of(1000, Duration.ofMinutes(1), Weigher.count()))
 * }</pre>
 */
public final class FillOrWaitTrigger<T, W extends Window> extends Trigger<T, W> {
  private static final long serialVersionUID = 1L;

  private static final long NO_WAIT = -1;

  private final long capacity;
  private final long maxWaitMillis;
  private final Weigher<? super T> weigher;
  private final ReducingStateDescriptor<Long> weightDescriptor =
      new ReducingStateDescriptor<>("batch-weight", Long::sum, Types.LONG);
  private final ValueStateDescriptor<Long> deadlineDescriptor =
      new ValueStateDescriptor<>("batch-deadline", Types.LONG);

  private FillOrWaitTrigger(long capacity, Duration maxWait, Weigher<? super T> weigher) {
    this.capacity = Checks.positive("capacity", capacity);
    this.maxWaitMillis = maxWait == null ? NO_WAIT : Checks.positive("maxWait", maxWait).toMillis();
    this.weigher = weigher;
  }

  public static <T, W extends Window> FillOrWaitTrigger<T, W> of(long capacity, Duration maxWait,
      Weigher<? super T> weigher) {
    return new FillOrWaitTrigger<>(capacity, java.util.Objects.requireNonNull(maxWait, "maxWait"), weigher);
  }

  /** Fires only when full (and at the end of a bounded input). */
  public static <T, W extends Window> FillOrWaitTrigger<T, W> whenFull(long capacity, Weigher<? super T> weigher) {
    return new FillOrWaitTrigger<>(capacity, null, weigher);
  }

  @Override
  public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception {
    ReducingState<Long> weight = ctx.getPartitionedState(weightDescriptor);
    if (weight.get() == null) {
      startBatch(window, ctx);
    }
    weight.add(weigher.weigh(element));
    if (weight.get() >= capacity) {
      clear(window, ctx);
      return TriggerResult.FIRE_AND_PURGE;
    }
    return TriggerResult.CONTINUE;
  }

  private void startBatch(W window, TriggerContext ctx) throws Exception {
    ctx.registerEventTimeTimer(window.maxTimestamp());
    if (maxWaitMillis != NO_WAIT) {
      long at = ctx.getCurrentProcessingTime() + maxWaitMillis;
      ctx.getPartitionedState(deadlineDescriptor).update(at);
      ctx.registerProcessingTimeTimer(at);
    }
  }

  @Override
  public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
    Long deadline = ctx.getPartitionedState(deadlineDescriptor).value();
    if (deadline != null && deadline == time) {
      clear(window, ctx);
      return TriggerResult.FIRE_AND_PURGE;
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
    if (time == window.maxTimestamp() && ctx.getPartitionedState(weightDescriptor).get() != null) {
      clear(window, ctx);
      return TriggerResult.FIRE_AND_PURGE;
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  public void clear(W window, TriggerContext ctx) throws Exception {
    ValueState<Long> deadline = ctx.getPartitionedState(deadlineDescriptor);
    if (deadline.value() != null) {
      ctx.deleteProcessingTimeTimer(deadline.value());
    }
    deadline.clear();
    ctx.getPartitionedState(weightDescriptor).clear();
    ctx.deleteEventTimeTimer(window.maxTimestamp());
  }

  @Override
  public String toString() {
    return "FillOrWaitTrigger(" + capacity + (maxWaitMillis == NO_WAIT ? ")" : ", " + maxWaitMillis + " ms)");
  }
}
