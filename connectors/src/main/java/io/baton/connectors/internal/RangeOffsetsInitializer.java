package io.baton.connectors.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/**
 * Offsets for the partitions given, and for any other partition its earliest (starting) or end (stopping) offset.
 * A given start below what the log still holds (retention) starts at the earliest offset held.
 *
 * <pre>{@code
 * builder.setStartingOffsets(RangeOffsetsInitializer.starting(Map.of(new TopicPartition("t", 0), 120L)));
 * }</pre>
 */
public final class RangeOffsetsInitializer implements OffsetsInitializer {
  private static final long serialVersionUID = 1L;

  private final HashMap<TopicPartition, Long> given;
  private final boolean starting;

  private RangeOffsetsInitializer(Map<TopicPartition, Long> given, boolean starting) {
    this.given = new HashMap<>(given);
    this.starting = starting;
  }

  public static RangeOffsetsInitializer starting(Map<TopicPartition, Long> starts) {
    return new RangeOffsetsInitializer(starts, true);
  }

  public static RangeOffsetsInitializer stopping(Map<TopicPartition, Long> ends) {
    return new RangeOffsetsInitializer(ends, false);
  }

  @Override
  public Map<TopicPartition, Long> getPartitionOffsets(Collection<TopicPartition> partitions,
      PartitionOffsetsRetriever retriever) {
    List<TopicPartition> all = new ArrayList<>(partitions);
    Map<TopicPartition, Long> bounds = starting ? retriever.beginningOffsets(all) : retriever.endOffsets(all);
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (TopicPartition p : all) {
      Long bound = bounds.get(p);
      Long offset = given.get(p);
      offsets.put(p, offset == null ? bound : starting && bound != null ? Math.max(offset, bound) : offset);
    }
    return offsets;
  }

  @Override
  public OffsetResetStrategy getAutoOffsetResetStrategy() {
    return OffsetResetStrategy.EARLIEST;
  }

  @Override
  public String toString() {
    return (starting ? "start at " : "stop at ") + given;
  }
}
