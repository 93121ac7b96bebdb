package io.baton.connectors;

import io.baton.connectors.internal.HandoffDeserializer;
import io.baton.connectors.internal.RangeOffsetsInitializer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Builds the Kafka source a stage reads its input topics with.
 *
 * <p>Reads {@link KafkaRecord}s (raw bytes) with {@code isolation.level=read_committed}, so only committed
 * handoffs are seen. Starts from the group's committed offsets, else from the earliest offset; offsets
 * are committed to Kafka on checkpoints. {@link Builder#bounded()} reads from the earliest offset to the
 * end offsets found when the job starts (for Flink BATCH runs over all that is there now), whatever the group
 * has committed; {@link Builder#bounded(OffsetRanges)} reads exactly the given ranges of the topics they name
 * (what the upstream stage wrote in this bounded run) and the other topics as {@code bounded()} does.
 *
 * <pre>{@code
 * KafkaSource<KafkaRecord> source = HandoffSource.builder()
 *     .bootstrapServers("127.0.0.1:9092")
 *     .topics("sensors.readings")
 *     .groupId("sensor-story.readings")
 *     .build();
 * DataStream<KafkaRecord> in = env.fromSource(source, WatermarkStrategy.noWatermarks(), "handoff ← sensors.readings");
 * }</pre>
 */
public final class HandoffSource {
  /** The isolation level every handoff consumer uses. */
  public static final String READ_COMMITTED = "read_committed";

  private HandoffSource() {}

  /** A builder with defaults: unbounded, read_committed, committed offsets else earliest. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the source's settings; {@link #build()} checks them all at once. */
  public static final class Builder {
    private String bootstrapServers;
    private final List<String> topics = new ArrayList<>();
    private String groupId;
    private boolean bounded;
    private OffsetRanges ranges = OffsetRanges.none();
    private final Map<String, String> properties = new LinkedHashMap<>();

    private Builder() {}

    /** Kafka bootstrap servers, e.g. {@code 127.0.0.1:9092} (required). */
    public Builder bootstrapServers(String servers) {
      this.bootstrapServers = servers;
      return this;
    }

    /** The servers and every client setting of {@code kafka} (read and resolved now, when the job is built). */
    public Builder kafka(KafkaClientConfig kafka) {
      this.bootstrapServers = kafka.bootstrapServers();
      properties.putAll(kafka.clientProperties());
      return this;
    }

    /** Topics to read (at least one). */
    public Builder topics(String... names) {
      topics.addAll(Arrays.asList(names));
      return this;
    }

    /** Topics to read (at least one). */
    public Builder topics(List<String> names) {
      topics.addAll(names);
      return this;
    }

    /** Consumer group whose committed offsets the source starts from (required). */
    public Builder groupId(String groupId) {
      this.groupId = groupId;
      return this;
    }

    /** Read from the earliest offset to the end offsets found at start (Flink BATCH mode); default is unbounded. */
    public Builder bounded() {
      return bounded(OffsetRanges.none());
    }

    /**
     * Bounded, reading exactly {@code ranges} of the topics they name (each partition [start, end)); the other
     * topics from the earliest offset to the end offsets found at start.
     */
    public Builder bounded(OffsetRanges ranges) {
      this.bounded = true;
      this.ranges = ranges == null ? OffsetRanges.none() : ranges;
      return this;
    }

    /** Any other consumer or source property (security settings, {@code client.id.prefix}, ...). */
    public Builder property(String key, String value) {
      properties.put(key, value);
      return this;
    }

    /** The source; fails naming every missing setting. */
    public KafkaSource<KafkaRecord> build() {
      List<String> problems = new ArrayList<>();
      if (bootstrapServers == null || bootstrapServers.isBlank()) {
        problems.add("call bootstrapServers(servers)");
      }
      if (topics.isEmpty()) {
        problems.add("call topics(names...) with at least one topic");
      }
      topics.stream().filter(t -> t == null || t.isBlank()).findFirst()
          .ifPresent(t -> problems.add("topic names must not be blank, got '" + t + "'"));
      if (groupId == null || groupId.isBlank()) {
        problems.add("call groupId(id)");
      }
      String isolation = properties.get("isolation.level");
      if (isolation != null && !isolation.equals(READ_COMMITTED)) {
        problems.add("isolation.level must stay read_committed for handoffs, got '" + isolation + "'");
      }
      if (!topics.containsAll(ranges.topics())) {
        problems.add("offset ranges name topics " + ranges.topics() + " but the source reads " + topics);
      }
      if (!problems.isEmpty()) {
        throw new IllegalStateException("HandoffSource is incomplete: " + String.join("; ", problems));
      }
      Properties props = new Properties();
      props.putAll(properties);
      KafkaSourceBuilder<KafkaRecord> builder = KafkaSource.<KafkaRecord>builder()
          .setBootstrapServers(bootstrapServers)
          .setTopics(topics)
          .setGroupId(groupId)
          .setDeserializer(new HandoffDeserializer())
          .setStartingOffsets(!bounded ? OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST)
              : ranges.isEmpty() ? OffsetsInitializer.earliest() : RangeOffsetsInitializer.starting(ranges.starts()))
          .setProperties(props)
          .setProperty("isolation.level", READ_COMMITTED);
      if (bounded) {
        // A bounded run reads what the topics hold now, all of it, whatever a streaming run has committed.
        builder.setBounded(ranges.isEmpty() ? OffsetsInitializer.latest() : RangeOffsetsInitializer.stopping(ranges.ends()));
      }
      return builder.build();
    }

    /** The expression that configures this source. */
    @Override
    public String toString() {
      return "HandoffSource.builder().topics(" + topics + ").groupId(" + groupId + ")" + (!bounded ? "" : ranges.isEmpty() ? ".bounded()" : ".bounded(" + ranges + ")");
    }
  }
}
