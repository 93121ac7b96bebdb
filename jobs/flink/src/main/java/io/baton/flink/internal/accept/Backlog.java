package io.baton.flink.internal.accept;

import java.util.TreeMap;

/**
 * What one {@link ThrottleStep} subtask holds back, over all its keys: how many records, and the smallest Flink
 * timestamp among them, which bounds the watermark the step may pass on (a released record must not arrive behind
 * the watermark). Kept on the heap beside the keyed state and counted again from that state after a restore.
 *
 * <pre>{@code
 * Backlog backlog = new Backlog();
 * backlog.add(1_000L);
 * backlog.heldWatermark(5_000L);   // 999: the held record may still come
 * }</pre>
 */
final class Backlog {
  /** The timestamp of a record that has none; it holds no watermark back. */
  static final long NO_TIMESTAMP = Long.MIN_VALUE;

  private final TreeMap<Long, Integer> timestamps = new TreeMap<>();
  private long size;

  void add(long timestamp) {
    size++;
    if (timestamp != NO_TIMESTAMP) {
      timestamps.merge(timestamp, 1, Integer::sum);
    }
  }

  void remove(long timestamp) {
    size--;
    if (timestamp != NO_TIMESTAMP) {
      timestamps.computeIfPresent(timestamp, (t, n) -> n == 1 ? null : n - 1);
    }
  }

  long size() {
    return size;
  }

  /** The watermark that may go on: the input's, but below every held record's timestamp. */
  long heldWatermark(long inputWatermark) {
    return timestamps.isEmpty() ? inputWatermark : Math.min(inputWatermark, timestamps.firstKey() - 1);
  }
}
