package io.baton.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.connectors.internal.RangeOffsetsInitializer;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer.PartitionOffsetsRetriever;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetRangesTest {
  private static final TopicPartition P0 = new TopicPartition("sensor-story.readings", 0);
  private static final TopicPartition P1 = new TopicPartition("sensor-story.readings", 1);
  private static final TopicPartition OTHER = new TopicPartition("sensors.readings", 0);

  @Test
  void rangesAreWrittenAsTopicPartitionStartEndAndReadBack() {
    OffsetRanges ranges = OffsetRanges.between(Map.of(P0, 10L), Map.of(P1, 7L, P0, 25L));

    assertThat(ranges).hasToString("sensor-story.readings:0:10-25,sensor-story.readings:1:0-7");
    assertThat(OffsetRanges.parse(ranges.toString())).isEqualTo(ranges);
    assertThat(ranges.span()).isEqualTo(22);
    assertThat(OffsetRanges.parse("")).isEqualTo(OffsetRanges.none());
    assertThat(OffsetRanges.parse(null).isEmpty()).isTrue();
  }

  @Test
  void onlyKeepsTheTopicsAsked() {
    OffsetRanges ranges = OffsetRanges.between(Map.of(), Map.of(P0, 3L, OTHER, 4L));
    assertThat(ranges.only(List.of("sensors.readings"))).hasToString("sensors.readings:0:0-4");
    assertThat(ranges.topics()).containsExactly("sensor-story.readings", "sensors.readings");
  }

  @Test
  void aBrokenRangeIsRefusedNamingIt() {
    assertThatThrownBy(() -> OffsetRanges.parse("t:0:5-3"))
        .hasMessage("not an offset range: 't:0:5-3'; expected topic:partition:start-end")
        .hasRootCauseMessage("invalid offset range t:0:5-3 (partition and start must be >= 0, end >= start)");
    assertThatThrownBy(() -> OffsetRanges.parse("t:0:1-3,t:0:3-4"))
        .hasMessage("two offset ranges for t-0: t:0:1-3 and t:0:3-4");
    assertThatThrownBy(() -> OffsetRanges.parse("t0-3")).hasMessageStartingWith("not an offset range: 't0-3'");
  }

  @Test
  void rangedPartitionsStartAndStopAtTheirRangeOthersAtTheirEarliestAndEnd() {
    OffsetRanges ranges = OffsetRanges.parse("sensor-story.readings:0:10-25");
    PartitionOffsetsRetriever kafka = retriever(Map.of(P0, 0L, OTHER, 2L), Map.of(P0, 40L, OTHER, 9L));

    assertThat(RangeOffsetsInitializer.starting(ranges.starts()).getPartitionOffsets(List.of(P0, OTHER), kafka))
        .isEqualTo(Map.of(P0, 10L, OTHER, 2L));
    assertThat(RangeOffsetsInitializer.stopping(ranges.ends()).getPartitionOffsets(List.of(P0, OTHER), kafka))
        .isEqualTo(Map.of(P0, 25L, OTHER, 9L));
    PartitionOffsetsRetriever retained = retriever(Map.of(P0, 12L), Map.of(P0, 40L));
    assertThat(RangeOffsetsInitializer.starting(ranges.starts()).getPartitionOffsets(List.of(P0), retained))
        .as("a start the log no longer holds starts at what it holds").isEqualTo(Map.of(P0, 12L));
  }

  @Test
  void aBoundedSourceChecksItsRangesNameTopicsItReads() {
    assertThatThrownBy(() -> HandoffSource.builder().bootstrapServers("b:1").topics("t").groupId("g")
        .bounded(OffsetRanges.parse("u:0:1-2")).build())
        .hasMessage("HandoffSource is incomplete: offset ranges name topics [u] but the source reads [t]");
    assertThat(HandoffSource.builder().topics("t").groupId("g").bounded(OffsetRanges.parse("t:0:1-2")))
        .hasToString("HandoffSource.builder().topics([t]).groupId(g).bounded(t:0:1-2)");
  }

  private static PartitionOffsetsRetriever retriever(Map<TopicPartition, Long> beginning, Map<TopicPartition, Long> end) {
    return new PartitionOffsetsRetriever() {
      @Override
      public Map<TopicPartition, Long> committedOffsets(java.util.Collection<TopicPartition> partitions) {
        throw new AssertionError("a bounded range never asks for committed offsets");
      }

      @Override
      public Map<TopicPartition, Long> endOffsets(java.util.Collection<TopicPartition> partitions) {
        return end;
      }

      @Override
      public Map<TopicPartition, Long> beginningOffsets(java.util.Collection<TopicPartition> partitions) {
        return beginning;
      }

      @Override
      public Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestamps) {
        throw new AssertionError("not used");
      }
    };
  }
}
