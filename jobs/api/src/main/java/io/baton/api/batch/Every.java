package io.baton.api.batch;

import java.time.Duration;

/** Tumbling windows of one size. Built by {@link Batch#every(Duration)}. */
public record Every(Duration size, BatchOptions options) implements Batch {
  @Override public Batch withOptions(BatchOptions options) { return new Every(size, options); }
  @Override public <R> R match(Cases<R> cases) { return cases.every(this); }
  @Override public String toString() { return Policies.render(this); }
}
