package io.baton.bench;

import io.baton.api.accept.Accept;
import io.baton.api.accept.Rule;
import java.util.Objects;

/**
 * The per-record accept work a stage does after a record decoded, in the stage's order: the size limit,
 * then each named rule (a rule that throws refuses). Rate limiting is a later, keyed step and is not here.
 *
 * <pre>{@code
 * AcceptCheck<Reading> check = AcceptCheck.of(SensorRules.forSpecific());
 * String reason = check.rejection(reading, value.length);   // null when accepted, else "too-large" / "rule:<name>"
 * }</pre>
 *
 * @param <T> the decoded record type
 */
final class AcceptCheck<T> {
  private final Accept<T> accept;

  private AcceptCheck(Accept<T> accept) {
    this.accept = accept;
  }

  static <T> AcceptCheck<T> of(Accept<T> accept) {
    return new AcceptCheck<>(Objects.requireNonNull(accept, "accept must not be null"));
  }

  /** Null when {@code record} ({@code sizeInBytes} key + value bytes) is accepted, else the dead-letter reason. */
  String rejection(T record, int sizeInBytes) {
    // The same calls AcceptStep makes per record, in the same order.
    if (accept.maxRecordBytes().isPresent() && sizeInBytes > accept.maxRecordBytes().getAsLong()) {
      return "too-large";
    }
    for (Rule<T> rule : accept.rules()) {
      if (!holds(rule, record)) {
        return rule.reason();
      }
    }
    return null;
  }

  private static <T> boolean holds(Rule<T> rule, T record) {
    try {
      return rule.predicate().test(record);
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "AcceptCheck.of(" + accept + ")";
  }
}
