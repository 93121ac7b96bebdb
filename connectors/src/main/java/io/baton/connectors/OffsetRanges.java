package io.baton.connectors;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;

/**
 * Exact offset ranges of topic partitions, [start, end): what a bounded run's downstream stage reads of a handoff
 * topic, namely what its upstream wrote in the same run. Written as {@code topic:partition:start-end,...} (topic
 * names cannot hold {@code :} or {@code ,}), which is how the ranges travel to a stage job. Needs only
 * kafka-clients, so the deploy side (the CLI) can use it without the Flink Kafka connector.
 *
 * <pre>{@code
 * OffsetRanges ranges = OffsetRanges.between(endsBeforeUpstreamRan, endsAfterItSettled);
 * String arg = ranges.toString();                    // sensor-story.readings:0:372-744
 * KafkaSource<KafkaRecord> source = HandoffSource.builder()...bounded(OffsetRanges.parse(arg)).build();
 * }</pre>
 */
public final class OffsetRanges implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final OffsetRanges NONE = new OffsetRanges(List.of());

  /** One partition's range, [start, end). */
  public record Range(String topic, int partition, long start, long end) implements Serializable {
    public Range {
      if (topic == null || topic.isBlank() || topic.contains(":") || topic.contains(",")) {
        throw new IllegalArgumentException("invalid topic name in offset range: '" + topic + "'");
      }
      if (partition < 0 || start < 0 || end < start) {
        throw new IllegalArgumentException("invalid offset range " + topic + ":" + partition + ":" + start + "-" + end
            + " (partition and start must be >= 0, end >= start)");
      }
    }

    TopicPartition topicPartition() {
      return new TopicPartition(topic, partition);
    }

    @Override
    public String toString() {
      return topic + ":" + partition + ":" + start + "-" + end;
    }
  }

  private final List<Range> ranges;

  private OffsetRanges(List<Range> ranges) {
    List<Range> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparing(Range::topic).thenComparingInt(Range::partition));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).topicPartition().equals(sorted.get(i - 1).topicPartition())) {
        throw new IllegalArgumentException("two offset ranges for " + sorted.get(i).topicPartition() + ": "
            + sorted.get(i - 1) + " and " + sorted.get(i));
      }
    }
    this.ranges = List.copyOf(sorted);
  }

  /** No ranges: every topic is read from its earliest offset to its end. */
  public static OffsetRanges none() {
    return NONE;
  }

  /** These ranges. */
  public static OffsetRanges of(Collection<Range> ranges) {
    return new OffsetRanges(List.copyOf(ranges));
  }

  /**
   * The ranges from {@code starts} to {@code ends}, for every partition in {@code ends}; a partition without a start
   * (created in between) starts at 0.
   */
  public static OffsetRanges between(Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends) {
    List<Range> ranges = new ArrayList<>();
    ends.forEach((p, end) -> ranges.add(new Range(p.topic(), p.partition(), starts.getOrDefault(p, 0L), end)));
    return of(ranges);
  }

  /** Reads ranges as {@link #toString()} wrote them; an empty text is {@link #none()}. */
  public static OffsetRanges parse(String text) {
    if (text == null || text.isBlank()) {
      return NONE;
    }
    List<Range> ranges = new ArrayList<>();
    for (String item : text.split(",")) {
      try {
        int dash = item.lastIndexOf('-');
        int second = item.lastIndexOf(':');
        int first = item.lastIndexOf(':', second - 1);
        ranges.add(new Range(item.substring(0, first), Integer.parseInt(item.substring(first + 1, second)),
            Long.parseLong(item.substring(second + 1, dash)), Long.parseLong(item.substring(dash + 1))));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("not an offset range: '" + item + "'; expected topic:partition:start-end", e);
      }
    }
    return of(ranges);
  }

  /** These ranges and {@code other}'s (which must not name the same partitions). */
  public OffsetRanges plus(OffsetRanges other) {
    List<Range> all = new ArrayList<>(ranges);
    all.addAll(other.ranges);
    return of(all);
  }

  /** Only the ranges of {@code topics}. */
  public OffsetRanges only(Collection<String> topics) {
    return of(ranges.stream().filter(r -> topics.contains(r.topic())).toList());
  }

  /** The ranges, by topic and partition. */
  public List<Range> ranges() {
    return ranges;
  }

  /** The topics that have ranges. */
  public Set<String> topics() {
    Set<String> topics = new TreeSet<>();
    ranges.forEach(r -> topics.add(r.topic()));
    return topics;
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** How many records (and transaction markers) the ranges span. */
  public long span() {
    return ranges.stream().mapToLong(r -> r.end() - r.start()).sum();
  }

  /** The start of each ranged partition. */
  public Map<TopicPartition, Long> starts() {
    return offsets(true);
  }

  /** The end of each ranged partition. */
  public Map<TopicPartition, Long> ends() {
    return offsets(false);
  }

  private Map<TopicPartition, Long> offsets(boolean start) {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    ranges.forEach(r -> offsets.put(r.topicPartition(), start ? r.start() : r.end()));
    return Map.copyOf(offsets);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OffsetRanges other && ranges.equals(other.ranges);
  }

  @Override
  public int hashCode() {
    return ranges.hashCode();
  }

  /** {@code topic:partition:start-end,...}, the form {@link #parse} reads. */
  @Override
  public String toString() {
    return String.join(",", ranges.stream().map(Range::toString).toList());
  }
}
