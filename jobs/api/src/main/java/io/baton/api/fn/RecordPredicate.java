package io.baton.api.fn;

import java.io.Serializable;

/** A yes/no question about one record, used by filters and acceptance rules. */
@FunctionalInterface
public interface RecordPredicate<T> extends Serializable {
  boolean test(T record) throws Exception;
}
