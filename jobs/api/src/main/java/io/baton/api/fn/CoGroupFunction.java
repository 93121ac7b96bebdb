package io.baton.api.fn;

import java.io.Serializable;
import java.util.List;

/**
 * Combines, per key and window, what two inputs delivered: {@code (auction, bids, auctions) -> ...}.
 * Either list may be empty. Returning {@code null} emits nothing.
 */
@FunctionalInterface
public interface CoGroupFunction<K, L, R, O> extends Serializable {
  O apply(K key, List<L> left, List<R> right) throws Exception;
}
