package io.baton.api.accept;

import io.baton.api.fn.KeyFunction;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/** At most {@code permits} records per key per {@code per}; what happens to the rest is {@code excess}. */
public record RateLimit<T>(String keyName, KeyFunction<T, ?> key, long permits, Duration per, Excess excess)
    implements Serializable {
  public RateLimit {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(excess, "excess");
    if (permits <= 0) {
      throw new IllegalArgumentException("permits must be positive, got " + permits);
    }
    if (per == null || per.isNegative() || per.isZero()) {
      throw new IllegalArgumentException("per must be a positive duration, got " + per);
    }
  }

  @Override
  public String toString() {
    return "rateLimitPerKey(" + keyName + ", " + permits + ", " + per + ")"
        + (excess == Excess.BACK_PRESSURE ? " onExcess(BACK_PRESSURE)" : "");
  }
}
