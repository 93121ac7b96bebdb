package io.baton.connectors;

import io.baton.connectors.internal.OutRecordSerializer;
import io.baton.connectors.internal.ValueTypeInfo;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * A record to hand off: key and value bytes, headers, timestamp, and optionally its own topic (else the
 * {@link HandoffSink}'s default topic). Stage outputs and dead letters are both {@code OutRecord}s, so one
 * sink (one transaction) can write both.
 *
 * <p>Immutable; byte arrays are shared, not copied. Flink moves it with {@link OutRecordSerializer}.
 *
 * <pre>{@code
 * OutRecord out = OutRecord.builder()
 *     .key(sensorId.getBytes(UTF_8))
 *     .value(encoder.encode(summary))
 *     .timestamp(summary.getWindowEnd())
 *     .headers(provenance.toHeaders())
 *     .build();
 * }</pre>
 */
@TypeInfo(OutRecord.Types.class)
public final class OutRecord {
  /** Timestamp that lets the producer stamp the record with the current time. */
  public static final long NO_TIMESTAMP = -1L;
  /** Partition that leaves the choice to Kafka's partitioner (by key hash). */
  public static final int NO_PARTITION = -1;

  private final String topic;
  private final byte[] key;
  private final byte[] value;
  private final List<Header> headers;
  private final long timestamp;
  private final int partition;

  public OutRecord(String topic, byte[] key, byte[] value, List<Header> headers, long timestamp) {
    this(topic, key, value, headers, timestamp, NO_PARTITION);
  }

  /** A record for {@code partition} of its topic ({@link #NO_PARTITION}: the partitioner's choice). */
  public OutRecord(String topic, byte[] key, byte[] value, List<Header> headers, long timestamp, int partition) {
    this.topic = topic;
    this.key = key;
    this.value = value;
    this.headers = headers;
    this.timestamp = timestamp;
    this.partition = partition < 0 ? NO_PARTITION : partition;
  }

  /** A builder; {@code value(...)} must be called. */
  public static Builder builder() {
    return new Builder();
  }

  /** Topic this record must go to, or empty for the sink's default topic. */
  public Optional<String> topic() {
    return Optional.ofNullable(topic);
  }

  /** Key bytes (shared), or null. */
  public byte[] key() {
    return key;
  }

  /** Value bytes (shared), or null for a tombstone (e.g. a dead-lettered null value). */
  public byte[] value() {
    return value;
  }

  /** Headers in order (read-only). */
  public List<Header> headers() {
    return headers;
  }

  /** Epoch milliseconds, or {@link #NO_TIMESTAMP}. */
  public long timestamp() {
    return timestamp;
  }

  /** The partition this record must go to, or {@link #NO_PARTITION} for Kafka's partitioner's choice. */
  public int partition() {
    return partition;
  }

  /** The value of the last header named {@code key}, as UTF-8 text. */
  public Optional<String> lastHeader(String key) {
    return BatonHeaders.last(headers, key);
  }

  /** A copy with {@code more} headers appended. */
  public OutRecord withHeaders(List<Header> more) {
    List<Header> all = new ArrayList<>(headers);
    all.addAll(more);
    return new OutRecord(topic, key, value, List.copyOf(all), timestamp, partition);
  }

  /** A copy addressed to {@code topic}. */
  public OutRecord withTopic(String topic) {
    return new OutRecord(Builder.requireTopic(topic), key, value, headers, timestamp, partition);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutRecord other && Objects.equals(topic, other.topic) && Arrays.equals(key, other.key)
        && Arrays.equals(value, other.value) && headers.equals(other.headers) && timestamp == other.timestamp
        && partition == other.partition;
  }

  @Override
  public int hashCode() {
    return Objects.hash(topic, Arrays.hashCode(key), Arrays.hashCode(value), timestamp);
  }

  @Override
  public String toString() {
    return "OutRecord[" + (topic == null ? "<default topic>" : topic) + (partition < 0 ? "" : ":" + partition) + ", " + ((value == null ? 0 : value.length) + (key == null ? 0 : key.length))
        + " bytes, " + headers.size() + " headers]";
  }

  /** Builds an {@link OutRecord}. */
  public static final class Builder {
    private String topic;
    private byte[] key;
    private byte[] value;
    private boolean valueSet;
    private ArrayList<Header> headers = new ArrayList<>();
    // Set once build() handed the list to a record: the next change copies it, so the record stays as built.
    private boolean built;
    private long timestamp = NO_TIMESTAMP;

    private Builder() {}

    /** The topic to write to, overriding the sink's default. */
    public Builder topic(String topic) {
      this.topic = requireTopic(topic);
      return this;
    }

    /** Key bytes (null: no key). */
    public Builder key(byte[] key) {
      this.key = key;
      return this;
    }

    /** Value bytes (required; null only for a deliberate tombstone). */
    public Builder value(byte[] value) {
      this.value = value;
      this.valueSet = true;
      return this;
    }

    /** Appends a header. */
    public Builder header(Header header) {
      writable().add(Objects.requireNonNull(header, "header must not be null"));
      return this;
    }

    /** Appends headers in order. */
    public Builder headers(List<Header> more) {
      ArrayList<Header> list = writable();
      list.ensureCapacity(list.size() + more.size());
      for (Header h : more) {
        list.add(Objects.requireNonNull(h, "header must not be null"));
      }
      return this;
    }

    /** Epoch milliseconds (negative: let the producer stamp it). */
    public Builder timestamp(long timestamp) {
      this.timestamp = timestamp < 0 ? NO_TIMESTAMP : timestamp;
      return this;
    }

    /** The record; fails when {@code value(...)} was not called. */
    public OutRecord build() {
      if (!valueSet) {
        throw new IllegalStateException("OutRecord.builder() is incomplete: call value(bytes)");
      }
      // The builder's own list, read-only, instead of a copy per record.
      built = true;
      return new OutRecord(topic, key, value, Collections.unmodifiableList(headers), timestamp);
    }

    private ArrayList<Header> writable() {
      if (built) {
        headers = new ArrayList<>(headers);
        built = false;
      }
      return headers;
    }

    static String requireTopic(String topic) {
      if (topic == null || topic.isBlank()) {
        throw new IllegalArgumentException("topic must not be blank, got '" + topic + "'");
      }
      return topic;
    }
  }

  /** Tells Flink to use {@link OutRecordSerializer} for this type. */
  public static final class Types extends TypeInfoFactory<OutRecord> {
    /** The type information, also usable directly in {@code returns(...)}. */
    public static final TypeInformation<OutRecord> TYPE_INFO = new ValueTypeInfo<>(OutRecord.class, OutRecordSerializer.INSTANCE);

    @Override
    public TypeInformation<OutRecord> createTypeInfo(Type type, Map<String, TypeInformation<?>> parameters) {
      return TYPE_INFO;
    }
  }
}
