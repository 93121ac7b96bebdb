package io.baton.connectors;

import java.io.Serializable;
import java.util.Optional;

/**
 * Why a record was not accepted: {@code malformed}, {@code schema}, {@code too-large}, {@code throttled},
 * {@code late}, or {@code rule:<name>}. Written to the {@link BatonHeaders#REASON} header.
 *
 * <pre>{@code
 * DeadLetterReason.rule("celsius in physical range").code();   // "rule:celsius in physical range"
 * DeadLetterReason.parse(decodeException.reason());            // malformed or schema
 * }</pre>
 */
public final class DeadLetterReason implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String RULE_PREFIX = "rule:";

  private static final DeadLetterReason MALFORMED = new DeadLetterReason("malformed", null);
  private static final DeadLetterReason SCHEMA = new DeadLetterReason("schema", null);
  private static final DeadLetterReason TOO_LARGE = new DeadLetterReason("too-large", null);
  private static final DeadLetterReason THROTTLED = new DeadLetterReason("throttled", null);
  private static final DeadLetterReason LATE = new DeadLetterReason("late", null);

  private final String code;
  private final String ruleName;

  private DeadLetterReason(String code, String ruleName) {
    this.code = code;
    this.ruleName = ruleName;
  }

  /** The bytes are not a well-formed framed Avro record. */
  public static DeadLetterReason malformed() {
    return MALFORMED;
  }

  /** The writer schema is unknown or does not resolve to the stage's reader schema. */
  public static DeadLetterReason schema() {
    return SCHEMA;
  }

  /** The record is larger than the stage accepts. */
  public static DeadLetterReason tooLarge() {
    return TOO_LARGE;
  }

  /** The record's key exceeded its rate limit. */
  public static DeadLetterReason throttled() {
    return THROTTLED;
  }

  /** The record arrived after its window closed (past the grace period). */
  public static DeadLetterReason late() {
    return LATE;
  }

  /** The named acceptance rule rejected the record. */
  public static DeadLetterReason rule(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("rule name must not be blank, got '" + name + "'");
    }
    return new DeadLetterReason(RULE_PREFIX + name, name);
  }

  /** The reason for a code as written in the header (e.g. {@code too-large}, {@code rule:positive}). */
  public static DeadLetterReason parse(String code) {
    if (code != null && code.startsWith(RULE_PREFIX)) {
      return rule(code.substring(RULE_PREFIX.length()));
    }
    if (code != null) {
      switch (code) {
        case "malformed": return MALFORMED;
        case "schema": return SCHEMA;
        case "too-large": return TOO_LARGE;
        case "throttled": return THROTTLED;
        case "late": return LATE;
        default: break;
      }
    }
    throw new IllegalArgumentException("dead-letter reason '" + code
        + "' is not one of malformed, schema, too-large, throttled, late, rule:<name>");
  }

  /** The code written to the reason header. */
  public String code() {
    return code;
  }

  /** The rule's name, for {@code rule:<name>} reasons. */
  public Optional<String> ruleName() {
    return Optional.ofNullable(ruleName);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeadLetterReason other && code.equals(other.code);
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  @Override
  public String toString() {
    return code;
  }

  private Object readResolve() {
    return parse(code);
  }
}
