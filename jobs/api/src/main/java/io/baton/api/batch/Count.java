package io.baton.api.batch;

import io.baton.api.fn.KeyFunction;
import java.time.Duration;

/** Every n records, per key when keyed. Built by {@link Batch#count(long)}. */
public final class Count extends Batch {
  private static final long serialVersionUID = 1L;

  private final long n;

  Count(long n) {
    super(TimeMode.NONE);
    this.n = n;
  }

  private Count(long n, KeyFunction<?, ?> key, String keyName, TimeMode timeMode, Duration grace) {
    super(key, keyName, timeMode, grace);
    this.n = n;
  }

  public long n() {
    return n;
  }

  @Override
  public String expression() {
    return "count(" + n + ")";
  }

  @Override
  public <R> R match(Cases<R> cases) {
    return cases.count(this);
  }

  @Override
  boolean supportsEventTime() {
    return false;
  }

  @Override
  Batch copy(KeyFunction<?, ?> key, String keyName, TimeMode timeMode, Duration grace) {
    return new Count(n, key, keyName, timeMode, grace);
  }
}
