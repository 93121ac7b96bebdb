package io.baton.flink.internal.accept;

import io.baton.api.accept.Accept;
import io.baton.api.accept.Rule;
import io.baton.connectors.DeadLetterReason;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The accept checks, in the stage's order: the size limit ({@code too-large}; the default when the
 * user sets none), checked before decoding, then on the decoded record each named rule
 * ({@code rule:<name>}; a rule that throws refuses).
 * Plain Java, no Flink: {@link AcceptStep} runs it per record, benchmarks call it directly.
 *
 * <pre>{@code
 * AcceptChecks<Reading> checks = AcceptChecks.of(Accept.<Reading>schema().maxRecordBytes(16_384));
 * AcceptChecks.Rejection no = checks.check(reading, 120);   // null: accepted
 * }</pre>
 *
 * @param <T> the decoded record type
 */
public final class AcceptChecks<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long maxRecordBytes;
  private final List<Rule<T>> rules;

  private AcceptChecks(Accept<T> accept) {
    this.maxRecordBytes = accept.recordLimit();
    this.rules = accept.rules();
  }

  public static <T> AcceptChecks<T> of(Accept<T> accept) {
    return new AcceptChecks<>(Objects.requireNonNull(accept, "accept must not be null"));
  }

  /** Why a record is refused: the dead-letter reason and the error message. */
  public record Rejection(DeadLetterReason reason, String error) {}

  /** Null when {@code record} of {@code sizeInBytes} (key + value) passes, else the first check it fails. */
  public Rejection check(T record, long sizeInBytes) {
    Rejection size = checkSize(sizeInBytes);
    return size != null ? size : checkRules(record);
  }

  /** Null when a record of {@code sizeInBytes} (key + value) is within the limit; run before decoding. */
  public Rejection checkSize(long sizeInBytes) {
    if (sizeInBytes > maxRecordBytes) {
      return new Rejection(DeadLetterReason.tooLarge(), sizeInBytes + " bytes > maxRecordBytes " + maxRecordBytes);
    }
    return null;
  }

  /** Null when the decoded {@code record} passes every rule, else the first it fails. */
  public Rejection checkRules(T record) {
    for (Rule<T> rule : rules) {
      String failure = failure(rule, record);
      if (failure != null) {
        return new Rejection(DeadLetterReason.rule(rule.name()), failure);
      }
    }
    return null;
  }

  /** Why the rule refused the record, or null when it holds. */
  private static <T> String failure(Rule<T> rule, T record) {
    try {
      return rule.predicate().test(record) ? null : "rule '" + rule.name() + "' is false";
    } catch (Exception e) {
      return "rule '" + rule.name() + "' threw " + e;
    }
  }

  @Override
  public String toString() {
    return "AcceptChecks.of(maxRecordBytes " + maxRecordBytes
        + ", rules " + rules.stream().map(Rule::name).toList() + ")";
  }
}
