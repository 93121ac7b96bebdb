package io.baton.api.batch;

import io.baton.api.fn.KeyFunction;
import java.time.Duration;

/** Tumbling windows of one size. Built by {@link Batch#every(Duration)}. */
public final class Every extends Batch {
  private static final long serialVersionUID = 1L;

  private final Duration size;

  Every(Duration size) {
    super(TimeMode.EVENT);
    this.size = size;
  }

  private Every(Duration size, KeyFunction<?, ?> key, String keyName, TimeMode timeMode, Duration grace) {
    super(key, keyName, timeMode, grace);
    this.size = size;
  }

  public Duration size() {
    return size;
  }

  @Override
  public String expression() {
    return "every(" + size + ")";
  }

  @Override
  public <R> R match(Cases<R> cases) {
    return cases.every(this);
  }

  @Override
  boolean supportsEventTime() {
    return true;
  }

  @Override
  Batch copy(KeyFunction<?, ?> key, String keyName, TimeMode timeMode, Duration grace) {
    return new Every(size, key, keyName, timeMode, grace);
  }
}
