package io.baton.flink.runtime;

import java.util.Arrays;
import java.util.Objects;

/**
 * An accepted record on its way through a stage: the bytes as read (decoded again where the
 * function needs the record, with cached readers), where it came from, its batch key and its time.
 * A Flink POJO: public fields and a no-argument constructor, so Flink serializes it without Kryo.
 */
public final class Envelope {
  /** Which input it came from: 0, or 1 for the right side of a co-group. */
  public int side;
  /** The batch key as text ({@code ""} when the policy is not keyed); also the output's Kafka key. */
  public String key = "";
  /** Event time, or the Kafka timestamp when the stage has no event time. */
  public long timestamp;
  /** The Kafka key bytes as read, or null. */
  public byte[] kafkaKey;
  /** The Kafka value as read: Confluent-framed Avro. */
  public byte[] value;
  public String topic;
  public int partition;
  public long offset;

  public Envelope() {}

  /** Key plus value bytes, what {@code Batch.bytes} and {@code maxRecordBytes} measure. */
  public long size() {
    return (kafkaKey == null ? 0 : kafkaKey.length) + (value == null ? 0 : value.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Envelope e && side == e.side && timestamp == e.timestamp && partition == e.partition
        && offset == e.offset && key.equals(e.key) && Objects.equals(topic, e.topic)
        && Arrays.equals(kafkaKey, e.kafkaKey) && Arrays.equals(value, e.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(topic, partition, offset);
  }

  @Override
  public String toString() {
    return "Envelope(" + topic + "/" + partition + "@" + offset + ", key=" + key + ", t=" + timestamp + ")";
  }
}
