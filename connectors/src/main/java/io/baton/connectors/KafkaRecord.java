package io.baton.connectors;

import io.baton.connectors.internal.KafkaRecordSerializer;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record as read from a handoff topic: raw key and value bytes, headers, and where it came from.
 *
 * <p>This is what a stage accepts or dead-letters before anything is decoded. It is immutable; the byte
 * arrays are shared, not copied (do not modify them). Flink moves it with {@link KafkaRecordSerializer}
 * (found through {@code @TypeInfo}, no Kryo).
 *
 * <pre>{@code
 * DataStream<KafkaRecord> in = env.fromSource(HandoffSource.builder()...build(), noWatermarks(), "readings");
 * in.map(r -> r.topic() + ":" + r.partition() + ":" + r.offset());
 * }</pre>
 */
@TypeInfo(KafkaRecord.Types.class)
public final class KafkaRecord {
  /** Timestamp of a record that has none. */
  public static final long NO_TIMESTAMP = -1L;

  private final String topic;
  private final int partition;
  private final long offset;
  private final long timestamp;
  private final byte[] key;
  private final byte[] value;
  private final List<Header> headers;

  public KafkaRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value, List<Header> headers) {
    this.topic = topic;
    this.partition = partition;
    this.offset = offset;
    this.timestamp = timestamp;
    this.key = key;
    this.value = value;
    this.headers = headers;
  }

  /** A record as the Kafka consumer delivered it. */
  public static KafkaRecord from(ConsumerRecord<byte[], byte[]> record) {
    return new KafkaRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
        record.key(), record.value(), headersOf(record));
  }

  // One array, read-only: no list copied twice per record, and no list at all when there are no headers.
  private static List<Header> headersOf(ConsumerRecord<byte[], byte[]> record) {
    org.apache.kafka.common.header.Header[] read = record.headers().toArray();
    if (read.length == 0) {
      return List.of();
    }
    Header[] headers = new Header[read.length];
    for (int i = 0; i < read.length; i++) {
      headers[i] = read[i] instanceof Header h ? h : Header.of(read[i].key(), read[i].value());
    }
    return Collections.unmodifiableList(Arrays.asList(headers));
  }

  /** A builder, for tests and for records that did not come from a consumer. */
  public static Builder builder() {
    return new Builder();
  }

  /** Topic the record was read from. */
  public String topic() {
    return topic;
  }

  /** Partition the record was read from. */
  public int partition() {
    return partition;
  }

  /** Offset of the record in its partition. */
  public long offset() {
    return offset;
  }

  /** Kafka timestamp in epoch milliseconds, or {@link #NO_TIMESTAMP}. */
  public long timestamp() {
    return timestamp;
  }

  /** Key bytes (shared), or null. */
  public byte[] key() {
    return key;
  }

  /** Value bytes (shared), or null. */
  public byte[] value() {
    return value;
  }

  /** Headers in record order (read-only). */
  public List<Header> headers() {
    return headers;
  }

  /** The value of the last header named {@code key}, as UTF-8 text. */
  public Optional<String> lastHeader(String key) {
    return BatonHeaders.last(headers, key);
  }

  /** Size of key plus value in bytes (what a max-record-size rule limits). */
  public int sizeInBytes() {
    return (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KafkaRecord other && topic.equals(other.topic) && partition == other.partition
        && offset == other.offset && timestamp == other.timestamp && Arrays.equals(key, other.key)
        && Arrays.equals(value, other.value) && headers.equals(other.headers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(topic, partition, offset);
  }

  @Override
  public String toString() {
    return topic + ":" + partition + ":" + offset + " (" + sizeInBytes() + " bytes, " + headers.size() + " headers)";
  }

  /** Builds a {@link KafkaRecord}; topic is required, the rest default to partition 0, offset 0, no timestamp. */
  public static final class Builder {
    private String topic;
    private int partition;
    private long offset;
    private long timestamp = NO_TIMESTAMP;
    private byte[] key;
    private byte[] value;
    private final List<Header> headers = new ArrayList<>();

    private Builder() {}

    /** Topic the record came from (required). */
    public Builder topic(String topic) {
      this.topic = topic;
      return this;
    }

    /** Partition, from 0. */
    public Builder partition(int partition) {
      this.partition = partition;
      return this;
    }

    /** Offset, from 0. */
    public Builder offset(long offset) {
      this.offset = offset;
      return this;
    }

    /** Kafka timestamp, epoch milliseconds. */
    public Builder timestamp(long timestamp) {
      this.timestamp = timestamp;
      return this;
    }

    /** Key bytes (may be null). */
    public Builder key(byte[] key) {
      this.key = key;
      return this;
    }

    /** Value bytes (may be null). */
    public Builder value(byte[] value) {
      this.value = value;
      return this;
    }

    /** Appends a header. */
    public Builder header(Header header) {
      headers.add(Objects.requireNonNull(header, "header must not be null"));
      return this;
    }

    /** Appends headers in order. */
    public Builder headers(List<Header> more) {
      more.forEach(this::header);
      return this;
    }

    /** The record; fails naming every missing or invalid part. */
    public KafkaRecord build() {
      List<String> problems = new ArrayList<>();
      if (topic == null || topic.isBlank()) {
        problems.add("call topic(name)");
      }
      if (partition < 0) {
        problems.add("partition must not be negative, got " + partition);
      }
      if (offset < 0) {
        problems.add("offset must not be negative, got " + offset);
      }
      if (!problems.isEmpty()) {
        throw new IllegalStateException("KafkaRecord.builder() is incomplete: " + String.join("; ", problems));
      }
      return new KafkaRecord(topic, partition, offset, timestamp, key, value, List.copyOf(headers));
    }
  }

  /** Tells Flink to use {@link KafkaRecordSerializer} for this type. */
  public static final class Types extends TypeInfoFactory<KafkaRecord> {
    /** The type information, also usable directly in {@code returns(...)}. */
    public static final TypeInformation<KafkaRecord> TYPE_INFO =
        new ValueTypeInfo<>(KafkaRecord.class, KafkaRecordSerializer.INSTANCE);

    @Override
    public TypeInformation<KafkaRecord> createTypeInfo(Type type, Map<String, TypeInformation<?>> parameters) {
      return TYPE_INFO;
    }
  }
}
