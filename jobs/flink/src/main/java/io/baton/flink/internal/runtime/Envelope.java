package io.baton.flink.internal.runtime;

import io.baton.connectors.KafkaRecord;
import java.util.Objects;

/**
 * An accepted record on its way through a stage: the record as read (decoded again where the
 * function needs it, with cached readers), which input it came from, its batch key and its time.
 * A Flink POJO: public fields and a no-argument constructor, so Flink serializes it without Kryo.
 */
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

  public Envelope() {}

  public Envelope(int side, String key, long timestamp, KafkaRecord record) {
    this.side = side;
    this.key = key;
    this.timestamp = timestamp;
    this.record = record;
  }

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
}
