package io.baton.api.batch;

import java.time.Duration;

/** Overlapping windows of one size, starting every slide. Built by {@link Batch#sliding(Duration, Duration)}. */
public record Sliding(Duration size, Duration slide, BatchOptions options) implements Batch {
  @Override public Batch withOptions(BatchOptions options) { return new Sliding(size, slide, options); }
  @Override public <R> R match(Cases<R> cases) { return cases.sliding(this); }
  @Override public String toString() { return Policies.render(this); }
}
