package io.baton.api.fn;

import java.io.Serializable;
import java.util.List;

/**
 * Turns one released batch into one record, knowing the window it covers:
 * {@code (auction, window, bids) -> new HotItem(window.start(), window.end(), auction, bids.size())}.
 * The key is {@code null} when the batch policy is not keyed. Returning {@code null} emits nothing.
 */
@FunctionalInterface
public interface WindowedBatchFunction<K, I, O> extends Serializable {
  O apply(K key, BatchWindow window, List<I> batch) throws Exception;
}
