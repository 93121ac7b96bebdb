package io.baton.api.fn;

import java.io.Serializable;

/**
 * Turns one record into one record: {@code r -> new Alert(r.getSensorId(), ...)}. Returning
 * {@code null} emits nothing, so a function may also decide to drop a record.
 */
@FunctionalInterface
public interface RecordFunction<I, O> extends Serializable {
  O apply(I record) throws Exception;
}
