package io.baton.api.batch;

/** Every record goes on at once. Built by {@link Batch#each()}. */
public record Each(BatchOptions options) implements Batch {
  @Override public Batch withOptions(BatchOptions options) { return new Each(options); }
  @Override public <R> R match(Cases<R> cases) { return cases.each(this); }
  @Override public String toString() { return Policies.render(this); }
}
