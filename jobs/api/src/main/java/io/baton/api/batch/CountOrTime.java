package io.baton.api.batch;

import io.baton.api.fn.KeyFunction;
import java.time.Duration;

/** n records or a wait in processing time, whichever comes first. Built by {@link Batch#countOrTime(long, Duration)}. */
public final class CountOrTime extends Batch {
  private static final long serialVersionUID = 1L;

  private final long n;
  private final Duration maxWait;

  CountOrTime(long n, Duration maxWait) {
    super(TimeMode.PROCESSING);
    this.n = n;
    this.maxWait = maxWait;
  }

  private CountOrTime(long n, Duration maxWait, KeyFunction<?, ?> key, String keyName, TimeMode timeMode, Duration grace) {
    super(key, keyName, timeMode, grace);
    this.n = n;
    this.maxWait = maxWait;
  }

  public long n() {
    return n;
  }

  public Duration maxWait() {
    return maxWait;
  }

  @Override
  public String expression() {
    return "countOrTime(" + n + ", " + maxWait + ")";
  }

  @Override
  public <R> R match(Cases<R> cases) {
    return cases.countOrTime(this);
  }

  @Override
  boolean supportsEventTime() {
    return false;
  }

  @Override
  Batch copy(KeyFunction<?, ?> key, String keyName, TimeMode timeMode, Duration grace) {
    return new CountOrTime(n, maxWait, key, keyName, timeMode, grace);
  }
}
