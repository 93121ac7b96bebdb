package io.baton.api.batch;

/** Every n records, per key when keyed. Built by {@link Batch#count(long)}. */
public record Count(long n, BatchOptions options) implements Batch {
  @Override public Batch withOptions(BatchOptions options) { return new Count(n, options); }
  @Override public <R> R match(Cases<R> cases) { return cases.count(this); }
  @Override public String toString() { return Policies.render(this); }
}
