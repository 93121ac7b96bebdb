package io.baton.api.fn;

import java.io.Serializable;

/** Turns one record into zero or more records: {@code r -> List.of(a, b)}. */
@FunctionalInterface
public interface FlatRecordFunction<I, O> extends Serializable {
  Iterable<O> apply(I record) throws Exception;
}
