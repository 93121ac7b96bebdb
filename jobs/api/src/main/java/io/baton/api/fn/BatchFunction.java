package io.baton.api.fn;

import java.io.Serializable;
import java.util.List;

/**
 * Turns one released batch into one record: {@code (sensorId, readings) -> Summary.of(sensorId, readings)}.
 * The key is {@code null} when the batch policy is not keyed. Returning {@code null} emits nothing.
 */
@FunctionalInterface
public interface BatchFunction<K, I, O> extends Serializable {
  O apply(K key, List<I> batch) throws Exception;
}
