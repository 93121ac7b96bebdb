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

  private Topic(String name, Class<T> recordClass, Accept<T> accept,
      TimestampFunction<T> timestamp, Duration outOfOrderness, int partitions) {
    this.name = name;
    this.recordClass = recordClass;
    this.accept = accept;
    this.timestamp = timestamp;
    this.outOfOrderness = outOfOrderness;
    this.partitions = partitions;
  }

  /** A topic carrying records of an Avro-generated class. */
  public static <T> Topic<T> of(String name, Class<T> recordClass) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(recordClass, "recordClass");
    return new Topic<>(name, recordClass, Accept.schema(), null, Duration.ZERO, 0);
  }

  /** What a stage lets in from this topic; schema validation is always on. */
  public Topic<T> accept(Accept<T> policy) {
    return new Topic<>(name, recordClass, Objects.requireNonNull(policy, "policy"), timestamp, outOfOrderness, partitions);
  }

  /** Event time read from each record, with watermarks trailing the newest by {@code outOfOrderness}. */
  public Topic<T> eventTime(TimestampFunction<T> timestamp, Duration outOfOrderness) {
    Objects.requireNonNull(timestamp, "timestamp");
    return new Topic<>(name, recordClass, accept, timestamp, Checks.notNegative("outOfOrderness", outOfOrderness),
        partitions);
  }

  /** Partitions to create the topic with when Baton creates it (default: the broker's). */
  public Topic<T> partitions(int partitions) {
    return new Topic<>(name, recordClass, accept, timestamp, outOfOrderness, Checks.positive("partitions", partitions));
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

  /** Requested partitions, or 0 for the broker's default. */
  public int partitions() {
    return partitions;
  }

  @Override
  public String toString() {
    return "Topic.of(\"" + name + "\", " + recordClass.getSimpleName() + ".class)"
        + (timestamp != null ? ".eventTime(.., " + outOfOrderness + ")" : "");
  }
}
