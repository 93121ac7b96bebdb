package io.baton.api.accept;

import io.baton.api.fn.KeyFunction;
import io.baton.api.internal.Checks;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/** At most {@code permits} records per key per {@code per}; what happens to the rest is {@code excess}. */
public record RateLimit<T>(String keyName, KeyFunction<T, ?> key, long permits, Duration per, Excess excess)
    implements Serializable {
  public RateLimit {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(excess, "excess");
    Checks.positive("permits", permits);
    Checks.positive("per", per);
  }

  @Override
  public String toString() {
    return "rateLimitPerKey(" + keyName + ", " + permits + ", " + per + ")"
        + (excess == Excess.BACK_PRESSURE ? " onExcess(BACK_PRESSURE)" : "");
  }
}
