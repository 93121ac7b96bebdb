package io.baton.api.batch;

import io.baton.api.fn.KeyFunction;
import io.baton.api.fn.Lambdas;
import io.baton.api.internal.Checks;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a stage hands its work on: the batch policy. Immutable; every option returns a new value.
 * Each policy is a record of its own fields plus the {@link BatchOptions} all policies share.
 *
 * <pre>{@code
 * Batch.countOrTime(1_000, Duration.ofMinutes(1)).keyedBy(Reading::getSensorId)
 * Batch.every(Duration.ofMinutes(5)).withGrace(Duration.ofSeconds(30))
 * Batch.session(Duration.ofMinutes(10)).keyedBy(Bid::getBidder)
 * }</pre>
 *
 * <p>{@code toString()} prints the expression that built the value, e.g.
 * {@code Batch.countOrTime(1000, PT1M) keyedBy sensorId}. Two policies are equal when they print
 * the same: key functions are compared by name, as two lambdas are never equal objects.
 */
public sealed interface Batch extends Serializable
    permits Each, Count, Every, Sliding, Session, CountOrTime, Bytes {

  // ---- factories ----

  /** Stream: every accepted record goes on at once. */
  static Batch each() {
    return new Each(BatchOptions.of(TimeMode.NONE));
  }

  /**
   * Every {@code n} records (per key when keyed), in the order the records arrived on their
   * partition (by offset), never in timestamp order; records of one key on several partitions
   * interleave in no promised order. The full batches are the same in a bounded and a streaming
   * run of the same input. What is left over differs only because one input ends: a bounded run
   * hands each key's remainder (fewer than {@code n}) on as a last, smaller batch when its input
   * ends; a streaming run's input does not end, so it holds the remainder until more records fill it.
   *
   * <pre>{@code
   * Batch.count(100).keyedBy(Reading::getSensorId)   // 250 readings of one sensor: 100, 100, then 50 at the end
   * }</pre>
   */
  static Batch count(long n) {
    return new Count(Checks.positive("n", n), BatchOptions.of(TimeMode.NONE));
  }

  /**
   * Tumbling windows of {@code size}, in event time unless {@link #inProcessingTime()}.
   *
   * <p>In a streaming run an event-time window closes when the watermark passes its end, that is
   * when a later record (newer by the source's out-of-orderness) arrives. A source that goes quiet
   * leaves its last window open until more data comes; declare
   * {@code Topic.of(..).eventTime(..).closeWindowsAfterIdle(d)} to close it after {@code d} of
   * silence instead. A bounded run closes every window at the end of its input.
   *
   * <pre>{@code
   * Batch.every(Duration.ofMinutes(1)).keyedBy(Reading::getSensorId).withGrace(Duration.ofSeconds(10))
   * }</pre>
   */
  static Batch every(Duration size) {
    return new Every(Checks.positive("size", size), BatchOptions.of(TimeMode.EVENT));
  }

  /** Windows of {@code size} starting every {@code slide}; {@code slide} must not exceed {@code size}. */
  static Batch sliding(Duration size, Duration slide) {
    Checks.positive("size", size);
    Checks.positive("slide", slide);
    if (slide.compareTo(size) > 0) {
      throw new IllegalArgumentException("slide must not exceed size, got slide=" + slide + " size=" + size);
    }
    return new Sliding(size, slide, BatchOptions.of(TimeMode.EVENT));
  }

  /** Until a key has been quiet for {@code gap}: "enough related changes". */
  static Batch session(Duration gap) {
    return new Session(Checks.positive("gap", gap), BatchOptions.of(TimeMode.EVENT));
  }

  /**
   * {@code n} records or {@code maxWait} of processing time since the first, whichever comes first.
   * Records are counted in arrival order, as {@link #count(long)} counts them; a streaming run
   * releases a remainder after {@code maxWait}, a bounded run at the end of its input.
   * The wait is on the wall clock only:
   * {@code inEventTime()} is refused when the pipeline is built (use {@link #every(Duration)}).
   */
  static Batch countOrTime(long n, Duration maxWait) {
    return new CountOrTime(Checks.positive("n", n), Checks.positive("maxWait", maxWait),
        BatchOptions.of(TimeMode.PROCESSING));
  }

  /**
   * Fill a box of {@code maxBytes} serialized bytes, or give up waiting after {@code maxWait} of
   * processing time. Boxes fill in arrival order; a streaming run releases a box that does not fill
   * after {@code maxWait}, a bounded run at the end of its input, as {@link #countOrTime} does;
   * {@code inEventTime()} is refused when the pipeline is built.
   */
  static Batch bytes(long maxBytes, Duration maxWait) {
    return new Bytes(Checks.positive("maxBytes", maxBytes), Checks.positive("maxWait", maxWait),
        BatchOptions.of(TimeMode.PROCESSING));
  }

  // ---- what each policy supplies ----

  /** The options this policy shares with every other: key, clock and grace. */
  BatchOptions options();

  /** This policy with other options; the option methods below are the way to call it. */
  Batch withOptions(BatchOptions options);

  /** Calls the case of {@code cases} for this policy. */
  <R> R match(Cases<R> cases);

  // ---- options, written once for every policy ----

  /** Batches per key; the key's name in plans comes from the method reference ({@code sensorId}). */
  default <T> Batch keyedBy(KeyFunction<T, ?> key) {
    Objects.requireNonNull(key, "key");
    return keyedBy(Lambdas.describe(key, "key"), key);
  }

  /** Batches per key, with the name plans and operator names show. */
  default <T> Batch keyedBy(String name, KeyFunction<T, ?> key) {
    Objects.requireNonNull(key, "key");
    return withOptions(options().keyedBy(Checks.notBlank("key name", name), key));
  }

  /** Waits on the wall clock instead of record timestamps (time-based windows only). */
  default Batch inProcessingTime() {
    if (timeMode() == TimeMode.NONE) {
      throw new IllegalStateException(this + " does not wait on a clock; inProcessingTime() does not apply");
    }
    if (options().grace() != null) {
      throw new IllegalStateException(this + ": grace applies to event time only; drop withGrace(..)");
    }
    return withOptions(options().in(TimeMode.PROCESSING));
  }

  /**
   * Waits on record timestamps (the default for every, sliding and session). On
   * {@code countOrTime} and {@code bytes}, whose wait is on the wall clock only, the pipeline
   * refuses it when built, naming the stage.
   */
  default Batch inEventTime() {
    if (timeMode() == TimeMode.NONE) {
      throw new IllegalStateException(this + " does not wait on a clock; inEventTime() does not apply");
    }
    return withOptions(options().in(TimeMode.EVENT));
  }

  /** Accepts records up to {@code grace} behind the watermark; later ones go to dead letters as {@code late}. */
  default Batch withGrace(Duration grace) {
    Checks.notNegative("grace", grace);
    if (timeMode() != TimeMode.EVENT) {
      throw new IllegalStateException(this + ": grace applies to event-time windows (every, sliding, session) only");
    }
    return withOptions(options().withGrace(grace));
  }

  /** Records behind the watermark go straight to dead letters as {@code late}. */
  default Batch withNoGrace() {
    return withGrace(Duration.ZERO);
  }

  // ---- what the options say ----

  default Optional<KeyFunction<?, ?>> key() {
    return Optional.ofNullable(options().key());
  }

  /** The key's name, or empty when not keyed. */
  default Optional<String> keyName() {
    return Optional.ofNullable(options().keyName());
  }

  default boolean keyed() {
    return options().key() != null;
  }

  default TimeMode timeMode() {
    return options().timeMode();
  }

  /** Allowed lateness in event time; zero when not set. */
  default Duration grace() {
    return options().grace() == null ? Duration.ZERO : options().grace();
  }

  /** True when the policy needs record timestamps (an event-time window). */
  default boolean needsEventTime() {
    return timeMode() == TimeMode.EVENT;
  }

  /** True for windows of time (every, sliding, session): event time by default, processing time on request. */
  default boolean timeWindow() {
    return Policies.TIME_WINDOWS.contains(getClass());
  }

  /** The short name used in plans and operator names, e.g. {@code countOrTime(1000, PT1M)}. */
  default String expression() {
    return match(Policies.INSTANCE);
  }

  /** The policy in words for operator names: {@code batch countOrTime(1000, PT1M) by sensorId}. */
  default String describe() {
    return "batch " + expression() + keyName().map(k -> " by " + k).orElse("");
  }
}
