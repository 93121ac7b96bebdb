package io.baton.api.batch;

import java.time.Duration;

/** Until a key has been quiet for a gap. Built by {@link Batch#session(Duration)}. */
public record Session(Duration gap, BatchOptions options) implements Batch {
  @Override public Batch withOptions(BatchOptions options) { return new Session(gap, options); }
  @Override public <R> R match(Cases<R> cases) { return cases.session(this); }
  @Override public String toString() { return Policies.render(this); }
}
