package io.baton.connectors;

import java.util.Objects;

/**
 * Which dead letters to select by their reason: every one, one exactly ({@code malformed},
 * {@code rule:celsius in physical range}) or every rule ({@code rule} matches {@code rule:*}).
 *
 * <pre>{@code
 * ReasonFilter.of("rule").matches("rule:celsius in physical range");   // true
 * ReasonFilter.of("malformd");   // IllegalArgumentException naming the known reasons
 * }</pre>
 */
public final class ReasonFilter {
  private static final String RULE = "rule";
  private static final ReasonFilter ANY = new ReasonFilter(null);

  private final String reason;

  private ReasonFilter(String reason) {
    this.reason = reason;
  }

  /** Selects every reason. */
  public static ReasonFilter any() {
    return ANY;
  }

  /** Selects {@code reason} exactly, or every rule for {@code rule}; fails on a reason Baton never writes. */
  public static ReasonFilter of(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank; expected one of malformed, schema, too-large, "
          + "throttled, late, rule or rule:<name>");
    }
    if (!reason.equals(RULE)) {
      try {
        DeadLetterReason.parse(reason);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown reason '" + reason + "'; expected one of malformed, schema, "
            + "too-large, throttled, late, rule or rule:<name>", e);
      }
    }
    return new ReasonFilter(reason);
  }

  /** True when a letter with reason {@code code} (null when the header is missing) is selected. */
  public boolean matches(String code) {
    if (reason == null) {
      return true;
    }
    if (code == null) {
      return false;
    }
    return code.equals(reason) || (reason.equals(RULE) && code.startsWith(RULE + ":"));
  }

  /** True when {@code letter}'s reason is selected. */
  public boolean selects(DeadLetterRecord letter) {
    return matches(letter.reasonCode().orElse(null));
  }

  /** The reason as the user wrote it ({@code rule}, {@code malformed}), or {@code any}. */
  public String text() {
    return reason == null ? "any" : reason;
  }

  /** True when every reason is selected. */
  public boolean isAny() {
    return reason == null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReasonFilter other && Objects.equals(reason, other.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(reason);
  }

  @Override
  public String toString() {
    return reason == null ? "ReasonFilter.any()" : "ReasonFilter.of(\"" + reason + "\")";
  }
}
