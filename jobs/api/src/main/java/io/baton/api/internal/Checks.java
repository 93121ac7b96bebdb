package io.baton.api.internal;

import java.time.Duration;

/**
 * Argument checks shared by every Baton value; each message names the parameter and the value.
 *
 * <pre>{@code
 * this.n = Checks.positive("n", n);   // n must be positive, got 0
 * }</pre>
 */
public final class Checks {
  private Checks() {}

  /** {@code value} when above zero, else {@code <name> must be positive, got <value>}. */
  public static long positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value;
  }

  /** The int form of {@link #positive(String, long)}. */
  public static int positive(String name, int value) {
    return (int) positive(name, (long) value);
  }

  /** {@code value} when longer than zero, else {@code <name> must be a positive duration, got <value>}. */
  public static Duration positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
    }
    return value;
  }

  /** {@code value} when zero or longer, else {@code <name> must be zero or positive, got <value>}. */
  public static Duration notNegative(String name, Duration value) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be zero or positive, got " + value);
    }
    return value;
  }

  /** {@code value} when it has a visible character, else {@code <name> must not be blank, got '<value>'}. */
  public static String notBlank(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank, got " + (value == null ? "null" : "'" + value + "'"));
    }
    return value;
  }
}
