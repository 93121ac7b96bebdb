package io.baton.api.batch;

import io.baton.api.fn.KeyFunction;
import java.time.Duration;

/** Every record goes on at once. Built by {@link Batch#each()}. */
public final class Each extends Batch {
  private static final long serialVersionUID = 1L;

  Each() {
    super(TimeMode.NONE);
  }

  private Each(KeyFunction<?, ?> key, String keyName, TimeMode timeMode, Duration grace) {
    super(key, keyName, timeMode, grace);
  }

  @Override
  public String expression() {
    return "each()";
  }

  @Override
  public <R> R match(Cases<R> cases) {
    return cases.each(this);
  }

  @Override
  boolean supportsEventTime() {
    return false;
  }

  @Override
  Batch copy(KeyFunction<?, ?> key, String keyName, TimeMode timeMode, Duration grace) {
    return new Each(key, keyName, timeMode, grace);
  }
}
