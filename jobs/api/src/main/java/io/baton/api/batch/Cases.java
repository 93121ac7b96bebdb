package io.baton.api.batch;

/**
 * One answer per batch policy; {@link Batch#match(Cases)} picks the one that applies. A runner
 * implements this to translate every policy, and the compiler tells it when a policy is added.
 *
 * <pre>{@code
 * String shape = batch.match(new Cases<>() { ... });
 * }</pre>
 */
public interface Cases<R> {
  R each(Each batch);

  R count(Count batch);

  R every(Every batch);

  R sliding(Sliding batch);

  R session(Session batch);

  R countOrTime(CountOrTime batch);

  R bytes(Bytes batch);
}
