package io.baton.api.batch;

import java.time.Duration;

/** A box of serialized bytes, or a wait in processing time, whichever fills first. Built by {@link Batch#bytes(long, Duration)}. */
public record Bytes(long maxBytes, Duration maxWait, BatchOptions options) implements Batch {
  @Override public Batch withOptions(BatchOptions options) { return new Bytes(maxBytes, maxWait, options); }
  @Override public <R> R match(Cases<R> cases) { return cases.bytes(this); }
  @Override public String toString() { return Policies.render(this); }
}
