package io.baton.flink.internal.runtime;

import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.triggers.EventTimeTrigger;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * The event-time window {@link WindowKeys} gave a record: {@code [envelope time, envelope time + size)}.
 *
 * <pre>{@code
 * keyed.window(PreAssignedWindows.of(Duration.ofSeconds(10).toMillis()))
 * }</pre>
 */
public final class PreAssignedWindows extends WindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final long size;

  private PreAssignedWindows(long size) {
    this.size = size;
  }

  public static PreAssignedWindows of(long size) {
    if (size <= 0) {
      throw new IllegalArgumentException("window size must be positive, got " + size);
    }
    return new PreAssignedWindows(size);
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
    long start = ((Envelope) element).timestamp;
    return List.of(new TimeWindow(start, start + size));
  }

  @Override
  public Trigger<Object, TimeWindow> getDefaultTrigger() {
    return EventTimeTrigger.create();
  }

  @Override
  public TypeSerializer<TimeWindow> getWindowSerializer(ExecutionConfig config) {
    return new TimeWindow.Serializer();
  }

  @Override
  public boolean isEventTime() {
    return true;
  }

  @Override
  public String toString() {
    return "PreAssignedWindows(" + size + ")";
  }
}
