package io.baton.connectors;

import io.baton.connectors.internal.OutRecordSerializationSchema;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.KafkaSinkBuilder;

/**
 * Builds the Kafka sink a stage hands its output (and its dead letters) to.
 *
 * <p>Exactly-once by default: Kafka transactions committed with Flink checkpoints (enable checkpointing;
 * a bounded job commits with its final checkpoint), read by {@code read_committed} consumers. The
 * transaction timeout defaults to 10 minutes, below the broker's default maximum of 15
 * ({@code transaction.max.timeout.ms}). At-least-once is a per-stage choice for lower latency.
 *
 * <pre>{@code
 * KafkaSink<OutRecord> sink = HandoffSink.builder()
 *     .bootstrapServers("127.0.0.1:9092")
 *     .defaultTopic("sensor-story.per-minute")
 *     .exactlyOnce("sensor-story.per-minute")      // transactional id prefix, unique per stage
 *     .build();
 * stream.sinkTo(sink).name("handoff → sensor-story.per-minute");
 * }</pre>
 */
public final class HandoffSink {
  /** Default transaction timeout: 10 minutes. */
  public static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofMinutes(10);

  private HandoffSink() {}

  /** A builder; choose {@link Builder#exactlyOnce(String)} or {@link Builder#atLeastOnce()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the sink's settings; {@link #build()} checks them all at once. */
  public static final class Builder {
    private String bootstrapServers;
    private String defaultTopic;
    private DeliveryGuarantee guarantee;
    private String transactionalIdPrefix;
    private Duration transactionTimeout = DEFAULT_TRANSACTION_TIMEOUT;
    private RunId run;
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

    /** Topic for records that do not name their own. */
    public Builder defaultTopic(String topic) {
      this.defaultTopic = topic;
      return this;
    }

    /** Transactional exactly-once delivery; the prefix must be unique per stage and stable across restarts. */
    public Builder exactlyOnce(String transactionalIdPrefix) {
      this.guarantee = DeliveryGuarantee.EXACTLY_ONCE;
      this.transactionalIdPrefix = transactionalIdPrefix;
      return this;
    }

    /** At-least-once delivery: flushed on checkpoints, no transactions (duplicates possible after failover). */
    public Builder atLeastOnce() {
      this.guarantee = DeliveryGuarantee.AT_LEAST_ONCE;
      this.transactionalIdPrefix = null;
      return this;
    }

    /** Transaction timeout for exactly-once (must stay below the broker's transaction.max.timeout.ms). */
    public Builder transactionTimeout(Duration timeout) {
      this.transactionTimeout = timeout;
      return this;
    }

    /** Stamps every record with the {@link BatonHeaders#RUN} header of {@code run}, after its own headers. */
    public Builder run(RunId run) {
      this.run = run;
      return this;
    }

    /** Any other producer property (security settings, compression, ...). */
    public Builder property(String key, String value) {
      properties.put(key, value);
      return this;
    }

    /** The sink; fails naming every missing or invalid setting. */
    public KafkaSink<OutRecord> build() {
      List<String> problems = new ArrayList<>();
      if (bootstrapServers == null || bootstrapServers.isBlank()) {
        problems.add("call bootstrapServers(servers)");
      }
      if (guarantee == null) {
        problems.add("call exactlyOnce(transactionalIdPrefix) or atLeastOnce()");
      } else if (guarantee == DeliveryGuarantee.EXACTLY_ONCE && (transactionalIdPrefix == null || transactionalIdPrefix.isBlank())) {
        problems.add("exactlyOnce needs a non-blank transactional id prefix, got '" + transactionalIdPrefix + "'");
      }
      if (transactionTimeout == null || transactionTimeout.isNegative() || transactionTimeout.isZero()) {
        problems.add("transactionTimeout must be positive, got " + transactionTimeout);
      }
      if (defaultTopic != null && defaultTopic.isBlank()) {
        problems.add("defaultTopic must not be blank, got '" + defaultTopic + "'");
      }
      if (!problems.isEmpty()) {
        throw new IllegalStateException("HandoffSink is incomplete: " + String.join("; ", problems));
      }
      KafkaSinkBuilder<OutRecord> builder = KafkaSink.<OutRecord>builder()
          .setBootstrapServers(bootstrapServers)
          .setRecordSerializer(new OutRecordSerializationSchema(defaultTopic, run))
          .setDeliveryGuarantee(guarantee);
      properties.forEach(builder::setProperty);
      if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
        builder.setTransactionalIdPrefix(transactionalIdPrefix)
            .setProperty("transaction.timeout.ms", Long.toString(transactionTimeout.toMillis()));
      }
      return builder.build();
    }

    /** The expression that configures this sink. */
    @Override
    public String toString() {
      String delivery = guarantee == DeliveryGuarantee.AT_LEAST_ONCE ? ".atLeastOnce()"
          : guarantee == DeliveryGuarantee.EXACTLY_ONCE ? ".exactlyOnce(" + transactionalIdPrefix + ")" : "";
      return "HandoffSink.builder().defaultTopic(" + defaultTopic + ")" + delivery + (run == null ? "" : ".run(" + run + ")");
    }
  }
}
