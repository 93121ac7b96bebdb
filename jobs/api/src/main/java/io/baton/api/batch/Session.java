package io.baton.api.batch;

import io.baton.api.fn.KeyFunction;
import java.time.Duration;

/** Until a key has been quiet for a gap. Built by {@link Batch#session(Duration)}. */
public final class Session extends Batch {
  private static final long serialVersionUID = 1L;

  private final Duration gap;

  Session(Duration gap) {
    super(TimeMode.EVENT);
    this.gap = gap;
  }

  private Session(Duration gap, KeyFunction<?, ?> key, String keyName, TimeMode timeMode, Duration grace) {
    super(key, keyName, timeMode, grace);
    this.gap = gap;
  }

  public Duration gap() {
    return gap;
  }

  @Override
  public String expression() {
    return "session(" + gap + ")";
  }

  @Override
  public <R> R match(Cases<R> cases) {
    return cases.session(this);
  }

  @Override
  boolean supportsEventTime() {
    return true;
  }

  @Override
  Batch copy(KeyFunction<?, ?> key, String keyName, TimeMode timeMode, Duration grace) {
    return new Session(gap, key, keyName, timeMode, grace);
  }
}
