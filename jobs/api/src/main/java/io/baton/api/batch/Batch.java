package io.baton.api.batch;

import io.baton.api.fn.KeyFunction;
import io.baton.api.fn.Lambdas;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a stage hands its work on: the batch policy. Immutable; every option returns a new value.
 *
 * <pre>{@code
 * Batch.countOrTime(1_000, Duration.ofMinutes(1)).keyedBy(Reading::getSensorId)
 * Batch.every(Duration.ofMinutes(5)).withGrace(Duration.ofSeconds(30))
 * Batch.session(Duration.ofMinutes(10)).keyedBy(Bid::getBidder)
 * }</pre>
 *
 * <p>{@code toString()} prints the expression that built the value, e.g.
 * {@code Batch.countOrTime(1000, PT1M) keyedBy sensorId}.
 */
public abstract sealed class Batch implements Serializable
    permits Each, Count, Every, Sliding, Session, CountOrTime, Bytes {

  private static final long serialVersionUID = 1L;

  private final KeyFunction<?, ?> key;
  private final String keyName;
  private final TimeMode timeMode;
  private final Duration grace;

  Batch(TimeMode timeMode) {
    this(null, null, timeMode, null);
  }

  Batch(KeyFunction<?, ?> key, String keyName, TimeMode timeMode, Duration grace) {
    this.key = key;
    this.keyName = keyName;
    this.timeMode = timeMode;
    this.grace = grace;
  }

  // ---- factories ----

  /** Stream: every accepted record goes on at once. */
  public static Batch each() {
    return new Each();
  }

  /** Every {@code n} records (per key when keyed). */
  public static Batch count(long n) {
    return new Count(Checks.positive("n", n));
  }

  /** Tumbling windows of {@code size}, in event time unless {@link #inProcessingTime()}. */
  public static Batch every(Duration size) {
    return new Every(Checks.positive("size", size));
  }

  /** Windows of {@code size} starting every {@code slide}; {@code slide} must not exceed {@code size}. */
  public static Batch sliding(Duration size, Duration slide) {
    Checks.positive("size", size);
    Checks.positive("slide", slide);
    if (slide.compareTo(size) > 0) {
      throw new IllegalArgumentException(
          "slide must not exceed size, got slide=" + slide + " size=" + size);
    }
    return new Sliding(size, slide);
  }

  /** Until a key has been quiet for {@code gap}: "enough related changes". */
  public static Batch session(Duration gap) {
    return new Session(Checks.positive("gap", gap));
  }

  /** {@code n} records or {@code maxWait} of processing time since the first, whichever comes first. */
  public static Batch countOrTime(long n, Duration maxWait) {
    return new CountOrTime(Checks.positive("n", n), Checks.positive("maxWait", maxWait));
  }

  /** Fill a box of {@code maxBytes} serialized bytes, or give up waiting after {@code maxWait}. */
  public static Batch bytes(long maxBytes, Duration maxWait) {
    return new Bytes(Checks.positive("maxBytes", maxBytes), Checks.positive("maxWait", maxWait));
  }

  // ---- options ----

  /** Batches per key; the key's name in plans comes from the method reference ({@code sensorId}). */
  public <T> Batch keyedBy(KeyFunction<T, ?> key) {
    Objects.requireNonNull(key, "key");
    return keyedBy(Lambdas.describe(key, "key"), key);
  }

  /** Batches per key, with the name plans and operator names show. */
  public <T> Batch keyedBy(String name, KeyFunction<T, ?> key) {
    Objects.requireNonNull(key, "key");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("key name must not be blank");
    }
    return copy(key, name, timeMode, grace);
  }

  /** Waits on the wall clock instead of record timestamps (time-based windows only). */
  public Batch inProcessingTime() {
    if (timeMode == TimeMode.NONE) {
      throw new IllegalStateException(this + " does not wait on a clock; inProcessingTime() does not apply");
    }
    if (grace != null) {
      throw new IllegalStateException(this + ": grace applies to event time only; drop withGrace(..)");
    }
    return copy(key, keyName, TimeMode.PROCESSING, null);
  }

  /** Waits on record timestamps (the default for every, sliding and session). */
  public Batch inEventTime() {
    if (!supportsEventTime()) {
      throw new IllegalStateException(this + " waits in processing time only; inEventTime() does not apply");
    }
    return copy(key, keyName, TimeMode.EVENT, grace);
  }

  /** Accepts records up to {@code grace} behind the watermark; later ones go to dead letters as {@code late}. */
  public Batch withGrace(Duration grace) {
    Checks.notNegative("grace", grace);
    if (timeMode != TimeMode.EVENT) {
      throw new IllegalStateException(
          this + ": grace applies to event-time windows (every, sliding, session) only");
    }
    return copy(key, keyName, timeMode, grace);
  }

  /** Records behind the watermark go straight to dead letters as {@code late}. */
  public Batch withNoGrace() {
    return withGrace(Duration.ZERO);
  }

  // ---- accessors ----

  public Optional<KeyFunction<?, ?>> key() {
    return Optional.ofNullable(key);
  }

  /** The key's name, or empty when not keyed. */
  public Optional<String> keyName() {
    return Optional.ofNullable(keyName);
  }

  public boolean keyed() {
    return key != null;
  }

  public TimeMode timeMode() {
    return timeMode;
  }

  /** Allowed lateness in event time; zero when not set. */
  public Duration grace() {
    return grace == null ? Duration.ZERO : grace;
  }

  /** True when the policy needs record timestamps (an event-time window). */
  public boolean needsEventTime() {
    return timeMode == TimeMode.EVENT;
  }

  /** The short name used in plans and operator names, e.g. {@code countOrTime(1000, PT1M)}. */
  public abstract String expression();

  /** Calls the case of {@code cases} for this policy. */
  public abstract <R> R match(Cases<R> cases);

  boolean supportsEventTime() {
    return false;
  }

  abstract Batch copy(KeyFunction<?, ?> key, String keyName, TimeMode timeMode, Duration grace);

  /** The policy in words for operator names: {@code batch countOrTime(1000, PT1M) by sensorId}. */
  public String describe() {
    return "batch " + expression() + (keyed() ? " by " + keyName : "");
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("Batch.").append(expression());
    if (keyed()) {
      s.append(" keyedBy ").append(keyName);
    }
    if (timeMode == TimeMode.PROCESSING && supportsEventTime()) {
      s.append(" inProcessingTime");
    }
    if (grace != null) {
      s.append(grace.isZero() ? " withNoGrace" : " withGrace(" + grace + ")");
    }
    return s.toString();
  }

  @Override
  public boolean equals(Object o) {
    // Key functions are compared by name: two lambdas are never equal objects.
    return o instanceof Batch b && getClass() == b.getClass() && toString().equals(b.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
