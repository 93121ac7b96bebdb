package io.baton.flink.internal.runtime;

import io.baton.connectors.KafkaRecord;
import io.baton.connectors.internal.ValueTypeInfo;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * An accepted record on its way through a stage: the record as read (original bytes, headers,
 * position), which input it came from, its batch key and its time, and, within the accept step's
 * task, the record the accept step decoded. Flink moves it with {@link EnvelopeSerializer}, which
 * writes everything but the decoded record: after a network exchange or a restore that is absent
 * and {@link InputReaders#decode(Envelope)} decodes it again from the bytes.
 *
 * <pre>{@code
 * Envelope e = new Envelope(side, "s-1", time, kafkaRecord, reading);
 * Object record = readers.decode(e);   // reading, not decoded again
 * }</pre>
 */
@TypeInfo(Envelope.Types.class)
public final class Envelope {
  /** Which input it came from: its index among the stage's input topics (co-group: 0 left, 1 right). */
  public int side;
  /** The batch key as text ({@code ""} when the policy is not keyed); also the output's Kafka key. */
  public String key = "";
  /** The rate-limit key as text, when the accept policy limits a rate per key; else {@code ""}. */
  public String rateKey = "";
  /** Event time, or the Kafka timestamp when the stage has no event time. */
  public long timestamp;
  /** The record as read, with its original bytes, headers and position. */
  public KafkaRecord record;
  // The decoded value of record, kept only in memory (never serialized); null once it crossed a serializer.
  private transient Object decoded;

  public Envelope() {}

  public Envelope(int side, String key, long timestamp, KafkaRecord record) {
    this(side, key, timestamp, record, null);
  }

  /** An envelope carrying {@code decoded}, the value of {@code record} as the accept step decoded it. */
  public Envelope(int side, String key, long timestamp, KafkaRecord record, Object decoded) {
    this.side = side;
    this.key = key;
    this.timestamp = timestamp;
    this.record = record;
    this.decoded = decoded;
  }

  /** The decoded record this envelope carries, or null when it must be decoded from {@code record}. */
  public Object decoded() {
    return decoded;
  }

  /** Equal when everything that is serialized is equal (the decoded record follows from the bytes). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Envelope e && side == e.side && timestamp == e.timestamp && key.equals(e.key)
        && rateKey.equals(e.rateKey) && Objects.equals(record, e.record);
  }

  @Override
  public int hashCode() {
    return Objects.hash(side, key, timestamp, record);
  }

  @Override
  public String toString() {
    return "Envelope(" + record + ", key=" + key + ", t=" + timestamp + ")";
  }

  /** Tells Flink to use {@link EnvelopeSerializer} for this type (no POJO reflection, no Kryo). */
  public static final class Types extends TypeInfoFactory<Envelope> {
    /** The type information, also usable directly in {@code process(fn, Envelope.Types.TYPE_INFO)}. */
    public static final TypeInformation<Envelope> TYPE_INFO =
        new ValueTypeInfo<>(Envelope.class, EnvelopeSerializer.INSTANCE);

    @Override
    public TypeInformation<Envelope> createTypeInfo(Type type, Map<String, TypeInformation<?>> parameters) {
      return TYPE_INFO;
    }
  }
}
