package io.baton.api.batch;

import io.baton.api.fn.KeyFunction;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * What every batch policy shares: its key, the clock it waits on and its grace. Set through the
 * option methods of {@link Batch}, which return the policy with new options.
 *
 * <pre>{@code
 * Batch.every(Duration.ofMinutes(1)).keyedBy(Reading::getSensorId).options().keyName()   // "sensorId"
 * }</pre>
 *
 * @param key the batch key, or null when not keyed
 * @param keyName the key's name in plans and operator names, or null when not keyed
 * @param timeMode the clock the policy waits on
 * @param grace allowed lateness in event time, or null when not set (unlike zero: {@code withNoGrace})
 */
public record BatchOptions(KeyFunction<?, ?> key, String keyName, TimeMode timeMode, Duration grace)
    implements Serializable {

  public BatchOptions {
    Objects.requireNonNull(timeMode, "timeMode");
  }

  /** Not keyed, no grace, waiting on {@code timeMode}. */
  static BatchOptions of(TimeMode timeMode) {
    return new BatchOptions(null, null, timeMode, null);
  }

  BatchOptions keyedBy(String name, KeyFunction<?, ?> function) {
    return new BatchOptions(function, name, timeMode, grace);
  }

  /** The same options waiting on another clock. */
  BatchOptions in(TimeMode mode) {
    return new BatchOptions(key, keyName, mode, grace);
  }

  BatchOptions withGrace(Duration lateness) {
    return new BatchOptions(key, keyName, timeMode, lateness);
  }

  @Override
  public boolean equals(Object o) {
    // The key is compared by name: two lambdas are never equal objects.
    return o instanceof BatchOptions b && Objects.equals(keyName, b.keyName) && timeMode == b.timeMode
        && Objects.equals(grace, b.grace);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyName, timeMode, grace);
  }
}
