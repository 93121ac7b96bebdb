package io.baton.connectors;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.TopicPartition;

/**
 * The exact input records a stage output came from, as sorted offset ranges per topic-partition. On a
 * record it travels in binary in the {@link BatonHeaders#LINEAGE} header ({@link LineageEncoder}, read back
 * by {@link Provenance}); {@link #encode()} gives a text form for people and logs:
 *
 * <pre>topic:partition:offsets;topic:partition:offsets   e.g.  sensors.readings:0:0-5,7,9-12;sensors.readings:1:3</pre>
 *
 * <p>Offsets are kept as sorted ranges, so a batch of a million consecutive records is a few bytes in
 * memory and in the header. When scattered offsets would exceed a size budget, the header falls back to
 * one span per partition ({@code ~} in the text form, {@code topic:0:~100-5000}): "within this span", no
 * longer exact ({@link #isExact()} tells).
 *
 * <pre>{@code
 * InputOffsets.Builder inputs = InputOffsets.builder();
 * for (KafkaRecord r : batch) inputs.add(r);
 * InputOffsets offsets = inputs.build();            // or InputOffsets.of(topic, partition, offset) for one
 * InputOffsets again = InputOffsets.decode(offsets.encode());
 * }</pre>
 */
public final class InputOffsets implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final InputOffsets EMPTY = new InputOffsets(List.of());
  private static final Comparator<Entry> ORDER =
      Comparator.comparing((Entry e) -> e.topic).thenComparingInt(e -> e.partition);

  /** One topic-partition: sorted, disjoint, non-adjacent ranges {@code [from0, to0, from1, to1, ...]}. */
  private record Entry(String topic, int partition, long[] ranges, boolean approximate) implements Serializable {
    long count() {
      long n = 0;
      for (int i = 0; i < ranges.length; i += 2) {
        n += ranges[i + 1] - ranges[i] + 1;
      }
      return n;
    }

    boolean contains(long offset) {
      int lo = 0;
      int hi = ranges.length / 2 - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (offset < ranges[2 * mid]) {
          hi = mid - 1;
        } else if (offset > ranges[2 * mid + 1]) {
          lo = mid + 1;
        } else {
          return true;
        }
      }
      return false;
    }
  }

  private final List<Entry> entries;

  private InputOffsets(List<Entry> entries) {
    this.entries = entries;
  }

  /** No inputs. */
  public static InputOffsets empty() {
    return EMPTY;
  }

  /** One input record: the cheap form for a pass-through's output (no builder, no map). */
  public static InputOffsets of(String topic, int partition, long offset) {
    if (topic == null || topic.isBlank() || partition < 0 || offset < 0) {
      throw new IllegalArgumentException("invalid input coordinates " + topic + ":" + partition + ":" + offset);
    }
    return new InputOffsets(List.of(new Entry(topic, partition, new long[] {offset, offset}, false)));
  }

  /** A builder that accepts offsets in any order, with duplicates. */
  public static Builder builder() {
    return new Builder();
  }

  /** True when every partition lists its exact offsets (no {@code ~} spans). */
  public boolean isExact() {
    return entries.stream().noneMatch(Entry::approximate);
  }

  /** True when there are no inputs. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The topic-partitions, sorted by topic then partition. */
  public List<TopicPartition> partitions() {
    return entries.stream().map(e -> new TopicPartition(e.topic, e.partition)).toList();
  }

  /** The exact offsets read from one partition, ascending (empty when none or approximate). */
  public long[] offsets(String topic, int partition) {
    Entry e = find(topic, partition);
    if (e == null || e.approximate) {
      return new long[0];
    }
    long[] result = new long[Math.toIntExact(e.count())];
    int n = 0;
    for (int i = 0; i < e.ranges.length; i += 2) {
      for (long o = e.ranges[i]; o <= e.ranges[i + 1]; o++) {
        result[n++] = o;
      }
    }
    return result;
  }

  /** Number of input records listed exactly (approximate spans not counted). */
  public long count() {
    return entries.stream().filter(e -> !e.approximate).mapToLong(Entry::count).sum();
  }

  /** True when the offset is among the inputs (for an approximate span: within it). */
  public boolean contains(String topic, int partition, long offset) {
    Entry e = find(topic, partition);
    return e != null && e.contains(offset);
  }

  /** The exact text form, for people and logs (long for many scattered offsets). */
  public String encode() {
    StringBuilder sb = new StringBuilder();
    for (Entry e : entries) {
      appendEntry(sb, e);
    }
    return sb.toString();
  }

  private static void appendEntry(StringBuilder sb, Entry e) {
    if (sb.length() > 0) {
      sb.append(';');
    }
    sb.append(e.topic).append(':').append(e.partition).append(':');
    if (e.approximate) {
      sb.append('~');
    }
    for (int i = 0; i < e.ranges.length; i += 2) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(e.ranges[i]);
      if (e.ranges[i + 1] > e.ranges[i]) {
        sb.append('-').append(e.ranges[i + 1]);
      }
    }
  }

  /**
   * Parses the text form.
   *
   * @throws IllegalArgumentException naming the entry and what is wrong with it
   */
  public static InputOffsets decode(String text) {
    Objects.requireNonNull(text, "text must not be null");
    if (text.isEmpty()) {
      return EMPTY;
    }
    Builder builder = builder();
    String[] parts = text.split(";", -1);
    for (int n = 0; n < parts.length; n++) {
      InputOffsetsParser.parseEntry(parts[n], n + 1, builder);
    }
    return builder.build();
  }

  /** Number of topic-partitions (for the binary codec). */
  int size() {
    return entries.size();
  }

  /** Topic of the {@code i}-th topic-partition. */
  String topic(int i) {
    return entries.get(i).topic;
  }

  /** Partition of the {@code i}-th topic-partition. */
  int partition(int i) {
    return entries.get(i).partition;
  }

  /** Ranges {@code [from0, to0, from1, to1, ...]} of the {@code i}-th topic-partition (shared, do not modify). */
  long[] ranges(int i) {
    return entries.get(i).ranges;
  }

  /** True when the {@code i}-th topic-partition is an approximate span. */
  boolean approximate(int i) {
    return entries.get(i).approximate;
  }

  private Entry find(String topic, int partition) {
    for (Entry e : entries) {
      if (e.partition == partition && e.topic.equals(topic)) {
        return e;
      }
    }
    return null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InputOffsets other && encode().equals(other.encode());
  }

  @Override
  public int hashCode() {
    return encode().hashCode();
  }

  /** The exact text form. */
  @Override
  public String toString() {
    return encode();
  }

  /** Collects offsets in any order; duplicates and overlaps are merged when built. */
  public static final class Builder {
    /** Per partition: single offsets, ranges as from/to pairs, and whether it is approximate. */
    private static final class Pending {
      long[] singles = new long[8];
      int singleCount;
      final List<long[]> ranges = new ArrayList<>();
      boolean approximate;
    }

    private final Map<TopicPartition, Pending> pending = new HashMap<>();

    private Builder() {}

    /** Adds one input record's coordinates. */
    public Builder add(KafkaRecord record) {
      return add(record.topic(), record.partition(), record.offset());
    }

    /** Adds one offset. */
    public Builder add(String topic, int partition, long offset) {
      Pending p = pendingFor(topic, partition, offset, offset);
      if (p.singleCount == p.singles.length) {
        p.singles = Arrays.copyOf(p.singles, p.singleCount * 2);
      }
      p.singles[p.singleCount++] = offset;
      return this;
    }

    /** Adds every offset from {@code from} to {@code to}, inclusive. */
    public Builder addRange(String topic, int partition, long from, long to) {
      pendingFor(topic, partition, from, to).ranges.add(new long[] {from, to});
      return this;
    }

    /** Adds every input of {@code other} (merging, e.g., two window accumulators). */
    public Builder addAll(InputOffsets other) {
      for (Entry e : other.entries) {
        for (int i = 0; i < e.ranges.length; i += 2) {
          addRange(e.topic, e.partition, e.ranges[i], e.ranges[i + 1]);
        }
        if (e.approximate) {
          pending.get(new TopicPartition(e.topic, e.partition)).approximate = true;
        }
      }
      return this;
    }

    /** Adds an approximate span: the inputs lie within {@code [from, to]} of the partition. */
    Builder addSpan(String topic, int partition, long from, long to) {
      addRange(topic, partition, from, to);
      pending.get(new TopicPartition(topic, partition)).approximate = true;
      return this;
    }

    private Pending pendingFor(String topic, int partition, long from, long to) {
      if (topic == null || topic.isBlank() || partition < 0 || from < 0 || to < from) {
        throw new IllegalArgumentException("invalid input coordinates " + topic + ":" + partition + ":" + from
            + (to == from ? "" : "-" + to));
      }
      return pending.computeIfAbsent(new TopicPartition(topic, partition), tp -> new Pending());
    }

    /** The offsets as sorted, merged ranges. */
    public InputOffsets build() {
      List<Entry> entries = new ArrayList<>();
      pending.forEach((tp, p) -> entries.add(new Entry(tp.topic(), tp.partition(), merge(p), p.approximate)));
      if (entries.isEmpty()) {
        return EMPTY;
      }
      entries.sort(ORDER);
      return new InputOffsets(List.copyOf(entries));
    }

    private static long[] merge(Pending p) {
      long[] singles = Arrays.copyOf(p.singles, p.singleCount);
      Arrays.sort(singles);
      List<long[]> ranges = new ArrayList<>(p.ranges);
      ranges.sort(Comparator.comparingLong(r -> r[0]));
      long[] out = new long[8];
      int n = 0;
      int s = 0;
      int r = 0;
      while (s < singles.length || r < ranges.size()) {
        long from;
        long to;
        if (r >= ranges.size() || (s < singles.length && singles[s] < ranges.get(r)[0])) {
          from = singles[s];
          to = singles[s++];
        } else {
          from = ranges.get(r)[0];
          to = ranges.get(r++)[1];
        }
        if (n > 0 && from <= out[n - 1] + 1) {
          out[n - 1] = Math.max(out[n - 1], to); // overlaps or touches the previous range
        } else {
          if (n + 2 > out.length) {
            out = Arrays.copyOf(out, out.length * 2);
          }
          out[n++] = from;
          out[n++] = to;
        }
      }
      return Arrays.copyOf(out, n);
    }
  }
}
