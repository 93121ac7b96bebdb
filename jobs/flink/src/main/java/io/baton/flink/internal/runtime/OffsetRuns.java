package io.baton.flink.internal.runtime;

import io.baton.connectors.InputOffsets;
import java.util.Arrays;

/**
 * The input offsets of one accumulating batch as sorted ranges per topic-partition, built record by record:
 * the next offset of the partition last added to extends its last range in O(1); an offset out of order is
 * put in place by binary search. Mutable; {@link #inputs()} gives the immutable provenance form.
 *
 * <pre>{@code
 * OffsetRuns runs = new OffsetRuns();
 * runs.add("bids", 0, 7); runs.add("bids", 0, 8);   // one range 7-8
 * InputOffsets inputs = runs.inputs();                // bids:0:7-8
 * }</pre>
 */
public final class OffsetRuns {
  /** One topic-partition: ranges {@code [from0, to0, from1, to1, ...]} in {@code ranges[0 .. size)}. */
  static final class Partition {
    final String topic;
    final int partition;
    long[] ranges;
    int size;

    Partition(String topic, int partition, long[] ranges, int size) {
      this.topic = topic;
      this.partition = partition;
      this.ranges = ranges;
      this.size = size;
    }
  }

  private Partition[] partitions = new Partition[0];
  private Partition last;

  /** Adds one offset. */
  public void add(String topic, int partition, long offset) {
    Partition p = last != null && last.partition == partition && last.topic.equals(topic) ? last : find(topic, partition);
    last = p;
    if (p.size > 0 && offset == p.ranges[p.size - 1] + 1) {
      p.ranges[p.size - 1] = offset;
    } else if (p.size == 0 || offset > p.ranges[p.size - 1] + 1) {
      append(p, offset, offset);
    } else {
      insert(p, offset, offset);
    }
  }

  /** Adds every offset of {@code other} (two accumulators merging). */
  public void addAll(OffsetRuns other) {
    for (Partition o : other.partitions) {
      Partition p = find(o.topic, o.partition);
      for (int i = 0; i < o.size; i += 2) {
        insert(p, o.ranges[i], o.ranges[i + 1]);
      }
    }
  }

  /** The offsets as provenance. */
  public InputOffsets inputs() {
    InputOffsets.Builder builder = InputOffsets.builder();
    for (Partition p : partitions) {
      for (int i = 0; i < p.size; i += 2) {
        builder.addRange(p.topic, p.partition, p.ranges[i], p.ranges[i + 1]);
      }
    }
    return builder.build();
  }

  Partition[] partitions() {
    return partitions;
  }

  /** Restores a partition's ranges as {@link #partitions()} gave them (serializer). */
  void restore(String topic, int partition, long[] ranges) {
    Partition p = find(topic, partition);
    p.ranges = ranges;
    p.size = ranges.length;
  }

  private Partition find(String topic, int partition) {
    for (Partition p : partitions) {
      if (p.partition == partition && p.topic.equals(topic)) {
        return p;
      }
    }
    Partition p = new Partition(topic, partition, new long[4], 0);
    partitions = Arrays.copyOf(partitions, partitions.length + 1);
    partitions[partitions.length - 1] = p;
    return p;
  }

  private static void append(Partition p, long from, long to) {
    if (p.size + 2 > p.ranges.length) {
      p.ranges = Arrays.copyOf(p.ranges, Math.max(4, p.ranges.length * 2));
    }
    p.ranges[p.size++] = from;
    p.ranges[p.size++] = to;
  }

  /** Puts {@code [from, to]} in place, joining the ranges it overlaps or touches. */
  private static void insert(Partition p, long from, long to) {
    // First range whose end reaches from - 1 (it may touch or overlap), by binary search over range ends.
    int lo = 0;
    int hi = p.size / 2;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (p.ranges[2 * mid + 1] < from - 1) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    int first = lo;
    int end = first;
    long newFrom = from;
    long newTo = to;
    while (end < p.size / 2 && p.ranges[2 * end] <= to + 1) {
      newFrom = Math.min(newFrom, p.ranges[2 * end]);
      newTo = Math.max(newTo, p.ranges[2 * end + 1]);
      end++;
    }
    int removed = end - first;
    if (removed == 0) {
      if (p.size + 2 > p.ranges.length) {
        p.ranges = Arrays.copyOf(p.ranges, Math.max(4, p.ranges.length * 2));
      }
      System.arraycopy(p.ranges, 2 * first, p.ranges, 2 * first + 2, p.size - 2 * first);
      p.size += 2;
    } else if (removed > 1) {
      System.arraycopy(p.ranges, 2 * end, p.ranges, 2 * first + 2, p.size - 2 * end);
      p.size -= 2 * (removed - 1);
    }
    p.ranges[2 * first] = newFrom;
    p.ranges[2 * first + 1] = newTo;
  }

  @Override
  public String toString() {
    return inputs().toString();
  }
}
