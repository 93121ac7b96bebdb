package io.baton.api.fn;

import java.io.Serializable;
import java.util.List;

/** Turns one released batch into zero or more records. The key is {@code null} when not keyed. */
@FunctionalInterface
public interface FlatBatchFunction<K, I, O> extends Serializable {
  Iterable<O> apply(K key, List<I> batch) throws Exception;
}
