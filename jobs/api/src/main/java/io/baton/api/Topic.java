package io.baton.api;

import io.baton.api.accept.Accept;
import io.baton.api.fn.TimestampFunction;
import io.baton.api.internal.Checks;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A Kafka topic of Avro records, with what a stage accepts from it and where its event time is.
 * Immutable; every option returns a new value. Names are checked when the pipeline is built.
 *
 * <pre>{@code
 * Topic.of("sensors.readings", Reading.class)
 *     .accept(Accept.<Reading>schema().rule("celsius in range", r -> r.getCelsius() < 60))
 *     .eventTime(Reading::getTimestamp, Duration.ofSeconds(5))
 * }</pre>
 */
public final class Topic<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final Class<T> recordClass;
  private final Accept<T> accept;
  private final TimestampFunction<T> timestamp;
  private final Duration outOfOrderness;
  private final int partitions;
  private final Duration closeWindowsAfterIdle;

  private Topic(String name, Class<T> recordClass, Accept<T> accept,
      TimestampFunction<T> timestamp, Duration outOfOrderness, int partitions, Duration closeWindowsAfterIdle) {
    this.name = name;
    this.recordClass = recordClass;
    this.accept = accept;
    this.timestamp = timestamp;
    this.outOfOrderness = outOfOrderness;
    this.partitions = partitions;
    this.closeWindowsAfterIdle = closeWindowsAfterIdle;
  }

  /** A topic carrying records of an Avro-generated class. */
  public static <T> Topic<T> of(String name, Class<T> recordClass) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(recordClass, "recordClass");
    return new Topic<>(name, recordClass, Accept.schema(), null, Duration.ZERO, 0, null);
  }

  /** What a stage lets in from this topic; schema validation is always on. */
  public Topic<T> accept(Accept<T> policy) {
    return new Topic<>(name, recordClass, Objects.requireNonNull(policy, "policy"), timestamp, outOfOrderness, partitions,
        closeWindowsAfterIdle);
  }

  /** Event time read from each record, with watermarks trailing the newest by {@code outOfOrderness}. */
  public Topic<T> eventTime(TimestampFunction<T> timestamp, Duration outOfOrderness) {
    Objects.requireNonNull(timestamp, "timestamp");
    return new Topic<>(name, recordClass, accept, timestamp, Checks.notNegative("outOfOrderness", outOfOrderness),
        partitions, closeWindowsAfterIdle);
  }

  /**
   * Closes the event-time windows of a source that has gone quiet. A streaming event-time window
   * closes only when later records move event time past its end; without more records the last
   * windows stay open. With this option, once an input partition has had no record for
   * {@code idle} (processing time), event time moves on with the wall clock, one millisecond per
   * millisecond of further silence, so the last window closes about {@code idle} plus the rest of
   * its length after the last record. A record that comes after event time moved on may be late
   * for its window and goes to dead letters as {@code late}. Needs {@link #eventTime}; a bounded
   * run closes every window at the end of its input anyway.
   *
   * <pre>{@code
   * Topic.of("sensors.readings", Reading.class)
   *     .eventTime(Reading::getTimestamp, Duration.ofSeconds(5))
   *     .closeWindowsAfterIdle(Duration.ofMinutes(1))
   * }</pre>
   */
  public Topic<T> closeWindowsAfterIdle(Duration idle) {
    if (timestamp == null) {
      throw new IllegalStateException(this + ": closeWindowsAfterIdle(..) applies to event time; call "
          + ".eventTime(Record::getTimestamp, outOfOrderness) first");
    }
    return new Topic<>(name, recordClass, accept, timestamp, outOfOrderness, partitions,
        Checks.positive("idle", idle));
  }

  /** Partitions to create the topic with when Baton creates it (default: the broker's). */
  public Topic<T> partitions(int partitions) {
    return new Topic<>(name, recordClass, accept, timestamp, outOfOrderness, Checks.positive("partitions", partitions),
        closeWindowsAfterIdle);
  }

  public String name() {
    return name;
  }

  public Class<T> recordClass() {
    return recordClass;
  }

  public Accept<T> accept() {
    return accept;
  }

  public Optional<TimestampFunction<T>> timestamp() {
    return Optional.ofNullable(timestamp);
  }

  public Duration outOfOrderness() {
    return outOfOrderness;
  }

  /** How long a quiet source waits before its windows close by the wall clock; empty: until later records. */
  public Optional<Duration> closeWindowsAfterIdle() {
    return Optional.ofNullable(closeWindowsAfterIdle);
  }

  /** Requested partitions, or 0 for the broker's default. */
  public int partitions() {
    return partitions;
  }

  @Override
  public String toString() {
    return "Topic.of(\"" + name + "\", " + recordClass.getSimpleName() + ".class)"
        + (timestamp != null ? ".eventTime(.., " + outOfOrderness + ")" : "")
        + (closeWindowsAfterIdle != null ? ".closeWindowsAfterIdle(" + closeWindowsAfterIdle + ")" : "");
  }
}
