package io.baton.api.batch;

import java.time.Duration;

/** n records or a wait in processing time, whichever comes first. Built by {@link Batch#countOrTime(long, Duration)}. */
public record CountOrTime(long n, Duration maxWait, BatchOptions options) implements Batch {
  @Override public Batch withOptions(BatchOptions options) { return new CountOrTime(n, maxWait, options); }
  @Override public <R> R match(Cases<R> cases) { return cases.countOrTime(this); }
  @Override public String toString() { return Policies.render(this); }
}
