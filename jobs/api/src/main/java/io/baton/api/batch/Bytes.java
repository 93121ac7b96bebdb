package io.baton.api.batch;

import io.baton.api.fn.KeyFunction;
import java.time.Duration;

/** A box of serialized bytes, or a wait in processing time, whichever fills first. Built by {@link Batch#bytes(long, Duration)}. */
public final class Bytes extends Batch {
  private static final long serialVersionUID = 1L;

  private final long maxBytes;
  private final Duration maxWait;

  Bytes(long maxBytes, Duration maxWait) {
    super(TimeMode.PROCESSING);
    this.maxBytes = maxBytes;
    this.maxWait = maxWait;
  }

  private Bytes(long maxBytes, Duration maxWait, KeyFunction<?, ?> key, String keyName, TimeMode timeMode, Duration grace) {
    super(key, keyName, timeMode, grace);
    this.maxBytes = maxBytes;
    this.maxWait = maxWait;
  }

  public long maxBytes() {
    return maxBytes;
  }

  public Duration maxWait() {
    return maxWait;
  }

  @Override
  public String expression() {
    return "bytes(" + maxBytes + ", " + maxWait + ")";
  }

  @Override
  public <R> R match(Cases<R> cases) {
    return cases.bytes(this);
  }

  @Override
  boolean supportsEventTime() {
    return false;
  }

  @Override
  Batch copy(KeyFunction<?, ?> key, String keyName, TimeMode timeMode, Duration grace) {
    return new Bytes(maxBytes, maxWait, key, keyName, timeMode, grace);
  }
}
