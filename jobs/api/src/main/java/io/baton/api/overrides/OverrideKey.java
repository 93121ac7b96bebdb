package io.baton.api.overrides;

import java.util.Arrays;
import java.util.Optional;

/**
 * One setting an overrides file may change, by its path in the file ({@code batch.size} is
 * {@code batch: {size: ..}}). Batch keys carry the name of the factory parameter they replace.
 *
 * <pre>{@code
 * OverrideKey.of("batch.maxWait")   // Optional[BATCH_MAX_WAIT]
 * }</pre>
 */
public enum OverrideKey {
  /** {@code Batch.every(size)}, {@code Batch.sliding(size, slide)}. */
  BATCH_SIZE("batch.size", OverrideValue.DURATION),
  /** {@code Batch.sliding(size, slide)}. */
  BATCH_SLIDE("batch.slide", OverrideValue.DURATION),
  /** {@code Batch.session(gap)}. */
  BATCH_GAP("batch.gap", OverrideValue.DURATION),
  /** {@code Batch.count(n)}, {@code Batch.countOrTime(n, maxWait)}. */
  BATCH_N("batch.n", OverrideValue.WHOLE_NUMBER),
  /** {@code Batch.bytes(maxBytes, maxWait)}. */
  BATCH_MAX_BYTES("batch.maxBytes", OverrideValue.WHOLE_NUMBER),
  /** {@code Batch.countOrTime(n, maxWait)}, {@code Batch.bytes(maxBytes, maxWait)}. */
  BATCH_MAX_WAIT("batch.maxWait", OverrideValue.DURATION),
  /** {@code .withGrace(grace)} of an event-time window (every, sliding, session); 0s is {@code withNoGrace}. */
  BATCH_GRACE("batch.grace", OverrideValue.DURATION),
  /** Parallel instances of the stage's job. */
  PARALLELISM("parallelism", OverrideValue.WHOLE_NUMBER),
  /** {@code exactly-once} or {@code at-least-once}. */
  DELIVERY("delivery", OverrideValue.DELIVERY),
  /** {@code Accept.maxRecordBytes(bytes)}. */
  MAX_RECORD_BYTES("limits.maxRecordBytes", OverrideValue.WHOLE_NUMBER),
  /** The permits of the stage's {@code rateLimitPerKey(key, permits, per)}. */
  RATE_PERMITS("limits.rate.permits", OverrideValue.WHOLE_NUMBER),
  /** The span of the stage's {@code rateLimitPerKey(key, permits, per)}. */
  RATE_PER("limits.rate.per", OverrideValue.DURATION);

  private final String path;
  private final OverrideValue value;

  OverrideKey(String path, OverrideValue value) {
    this.path = path;
    this.value = value;
  }

  /** Where the key sits in the file, dotted: {@code batch.size}. */
  public String path() {
    return path;
  }

  /** What kind of value the key takes. */
  OverrideValue value() {
    return value;
  }

  /** True for the keys of a batch policy. */
  public boolean batch() {
    return path.startsWith("batch.");
  }

  /** The key at {@code path}, if there is one. */
  public static Optional<OverrideKey> of(String path) {
    return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
  }

  @Override
  public String toString() {
    return path;
  }
}
