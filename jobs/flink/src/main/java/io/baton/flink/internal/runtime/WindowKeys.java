package io.baton.flink.internal.runtime;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Bounded runs (Flink BATCH mode) of tumbling and sliding event-time windows: gives each record its window
 * before the window operator, so the stage can key by batch key and window ({@link #flinkKey}) and Flink
 * holds one window's state at a time. BATCH mode sorts a keyed input by key and fires a key's timers only
 * when the key ends: keyed by the batch key alone, a key's whole input (an unkeyed stage: all of it) would
 * wait. A record goes out once per window it belongs to (a sliding window's record, size / slide times),
 * with the window's start as its envelope time ({@link PreAssignedWindows} reads it back) and its arrival
 * order (input, partition, offset) as its Flink timestamp, by which BATCH mode sorts within a key: a
 * window's records reach the function in arrival order, as streaming hands them over.
 *
 * <pre>{@code
 * accepted.transform("windows", type, new WindowKeys(size, slide, serializer))
 *     .keyBy(WindowKeys::flinkKey, Types.STRING).window(PreAssignedWindows.of(size))
 * }</pre>
 */
public final class WindowKeys extends AbstractStreamOperator<Envelope> implements OneInputStreamOperator<Envelope, Envelope> {
  private static final long serialVersionUID = 1L;

  private final long size;
  private final long slide;
  private final TypeSerializer<Envelope> copier;

  public WindowKeys(long size, long slide, TypeSerializer<Envelope> copier) {
    this.size = size;
    this.slide = slide;
    this.copier = copier;
  }

  @Override
  public void processElement(StreamRecord<Envelope> element) {
    Envelope e = element.getValue();
    long arrival = arrival(e);
    long[] starts = starts(e.timestamp, size, slide);
    for (int i = 1; i < starts.length; i++) {
      Envelope copy = copier.copy(e);
      copy.timestamp = starts[i];
      output.collect(new StreamRecord<>(copy, arrival));
    }
    e.timestamp = starts[0];
    output.collect(element.replace(e, arrival));
  }

  /**
   * The starts of the windows {@code [start, start + size)} that hold {@code time}, as Flink's tumbling and
   * sliding event-time windows assign them (offset 0): the latest first, each earlier one a slide before.
   */
  static long[] starts(long time, long size, long slide) {
    long last = TimeWindow.getWindowStartWithOffset(time, 0, slide);
    int n = 0;
    long[] starts = new long[(int) ((size + slide - 1) / slide)];
    for (long start = last; start > time - size; start -= slide) {
      starts[n++] = start;
    }
    return n == starts.length ? starts : java.util.Arrays.copyOf(starts, n);
  }

  /** The Flink key: the window's start and the batch key ({@code start|key}, one to one). */
  public static String flinkKey(Envelope e) {
    return e.timestamp + "|" + e.key;
  }

  /** Input, partition and offset in one long that sorts as they do (offset alone past those bounds). */
  static long arrival(Envelope e) {
    int partition = e.record.partition();
    long offset = e.record.offset();
    if (e.side < 0 || e.side > 127 || partition < 0 || partition > 0xFFFF || offset < 0 || offset >= 1L << 40) {
      return offset;
    }
    return ((long) e.side << 56) | ((long) partition << 40) | offset;
  }

  @Override
  public String toString() {
    return "WindowKeys(size=" + size + ", slide=" + slide + ")";
  }
}
