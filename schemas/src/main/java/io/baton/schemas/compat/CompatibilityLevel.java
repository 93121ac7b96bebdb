package io.baton.schemas.compat;

import java.util.Arrays;
import java.util.Locale;

/**
 * A registry subject's compatibility level: which earlier versions a new schema must work with.
 *
 * <pre>{@code
 * registry.setCompatibility("sensors.readings-value", CompatibilityLevel.BACKWARD);
 * }</pre>
 */
public enum CompatibilityLevel {
  /** Any schema is accepted. */
  NONE(false, false, false),
  /** The new schema can read data written with the latest version. */
  BACKWARD(true, false, false),
  /** The new schema can read data written with every earlier version. */
  BACKWARD_TRANSITIVE(true, false, true),
  /** The latest version can read data written with the new schema. */
  FORWARD(false, true, false),
  /** Every earlier version can read data written with the new schema. */
  FORWARD_TRANSITIVE(false, true, true),
  /** Both BACKWARD and FORWARD against the latest version. */
  FULL(true, true, false),
  /** Both BACKWARD and FORWARD against every earlier version. */
  FULL_TRANSITIVE(true, true, true);

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /** True when the new schema must read data of earlier versions. */
  public boolean backward() {
    return backward;
  }

  /** True when earlier versions must read data of the new schema. */
  public boolean forward() {
    return forward;
  }

  /** True when every earlier version counts, not only the latest. */
  public boolean transitive() {
    return transitive;
  }

  /**
   * Parses a level as the registry spells it ({@code "BACKWARD"}, case-insensitive).
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static CompatibilityLevel parse(String level) {
    if (level != null) {
      try {
        return valueOf(level.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException ignored) {
        // fall through to the descriptive error
      }
    }
    throw new IllegalArgumentException(
        "compatibility level '" + level + "' is not one of " + Arrays.toString(values()));
  }
}
