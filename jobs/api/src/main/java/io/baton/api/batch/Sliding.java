package io.baton.api.batch;

import io.baton.api.fn.KeyFunction;
import java.time.Duration;

/** Overlapping windows of one size, starting every slide. Built by {@link Batch#sliding(Duration, Duration)}. */
public final class Sliding extends Batch {
  private static final long serialVersionUID = 1L;

  private final Duration size;
  private final Duration slide;

  Sliding(Duration size, Duration slide) {
    super(TimeMode.EVENT);
    this.size = size;
    this.slide = slide;
  }

  private Sliding(Duration size, Duration slide, KeyFunction<?, ?> key, String keyName, TimeMode timeMode, Duration grace) {
    super(key, keyName, timeMode, grace);
    this.size = size;
    this.slide = slide;
  }

  public Duration size() {
    return size;
  }

  public Duration slide() {
    return slide;
  }

  @Override
  public String expression() {
    return "sliding(" + size + ", " + slide + ")";
  }

  @Override
  public <R> R match(Cases<R> cases) {
    return cases.sliding(this);
  }

  @Override
  boolean supportsEventTime() {
    return true;
  }

  @Override
  Batch copy(KeyFunction<?, ?> key, String keyName, TimeMode timeMode, Duration grace) {
    return new Sliding(size, slide, key, keyName, timeMode, grace);
  }
}
