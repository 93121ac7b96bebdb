package io.baton.api.accept;

import io.baton.api.fn.KeyFunction;
import io.baton.api.fn.Lambdas;
import io.baton.api.fn.RecordPredicate;
import io.baton.api.internal.Checks;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a stage lets in. Immutable; every option returns a new value. Checked in this order:
 * the size limit (before decoding, so a huge record is never decoded), the record must decode with a
 * known schema that resolves to the reader's (always on), the named rules, and the per-key rate limit.
 * Without {@link #maxRecordBytes(long)} the limit is {@link #DEFAULT_MAX_RECORD_BYTES}.
 *
 * <pre>{@code
 * Accept.schema()
 *     .rule("celsius in physical range", r -> r.getCelsius() >= -90 && r.getCelsius() <= 60)
 *     .maxRecordBytes(16_384)
 *     .rateLimitPerKey(Reading::getSensorId, 50, Duration.ofSeconds(1))
 * }</pre>
 */
public final class Accept<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * The size limit when none is set: 1 MiB, what Kafka's producer sends by default ({@code max.request.size})
   * and just under its broker default ({@code message.max.bytes}, 1 MiB + 12), so nothing a default cluster
   * carries is refused, while what one stage decodes per record stays bounded.
   */
  public static final long DEFAULT_MAX_RECORD_BYTES = 1L << 20;

  private final List<Rule<T>> rules;
  private final long maxRecordBytes;
  private final RateLimit<T> rateLimit;

  private Accept(List<Rule<T>> rules, long maxRecordBytes, RateLimit<T> rateLimit) {
    this.rules = List.copyOf(rules);
    this.maxRecordBytes = maxRecordBytes;
    this.rateLimit = rateLimit;
  }

  /** Schema validation only: the record must decode and resolve to the reader schema. */
  public static <T> Accept<T> schema() {
    return new Accept<>(List.of(), 0, null);
  }

  /** Adds a named rule; names must be unique within one policy. */
  public Accept<T> rule(String name, RecordPredicate<T> predicate) {
    Rule<T> rule = new Rule<>(name, predicate);
    if (rules.stream().anyMatch(r -> r.name().equals(name))) {
      throw new IllegalArgumentException("rule name must be unique, got a second \"" + name + "\"");
    }
    List<Rule<T>> more = new ArrayList<>(rules);
    more.add(rule);
    return new Accept<>(more, maxRecordBytes, rateLimit);
  }

  /** Records larger than this (key + value bytes) go to dead letters as {@code too-large}. */
  public Accept<T> maxRecordBytes(long bytes) {
    return new Accept<>(rules, Checks.positive("maxRecordBytes", bytes), rateLimit);
  }

  /** At most {@code permits} records per key per {@code per}; the rest go to dead letters as {@code throttled}. */
  public Accept<T> rateLimitPerKey(KeyFunction<T, ?> key, long permits, Duration per) {
    Objects.requireNonNull(key, "key");
    return new Accept<>(rules, maxRecordBytes,
        new RateLimit<>(Lambdas.describe(key, "key"), key, permits, per, Excess.DEAD_LETTER));
  }

  /** Chooses what the rate limit does with excess records. */
  public Accept<T> onExcess(Excess excess) {
    if (rateLimit == null) {
      throw new IllegalStateException("onExcess(..) needs rateLimitPerKey(..) first");
    }
    RateLimit<T> r = rateLimit;
    return new Accept<>(rules, maxRecordBytes, new RateLimit<>(r.keyName(), r.key(), r.permits(), r.per(), excess));
  }

  public List<Rule<T>> rules() {
    return rules;
  }

  /** The limit the user set, if any; {@link #recordLimit()} is the one applied. */
  public OptionalLong maxRecordBytes() {
    return maxRecordBytes > 0 ? OptionalLong.of(maxRecordBytes) : OptionalLong.empty();
  }

  /** The size limit applied: the one set, else {@link #DEFAULT_MAX_RECORD_BYTES}. */
  public long recordLimit() {
    return maxRecordBytes > 0 ? maxRecordBytes : DEFAULT_MAX_RECORD_BYTES;
  }

  public Optional<RateLimit<T>> rateLimit() {
    return Optional.ofNullable(rateLimit);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("Accept.schema()");
    rules.forEach(r -> s.append('.').append(r));
    if (maxRecordBytes > 0) {
      s.append(".maxRecordBytes(").append(maxRecordBytes).append(')');
    }
    if (rateLimit != null) {
      s.append('.').append(rateLimit);
    }
    return s.toString();
  }
}
