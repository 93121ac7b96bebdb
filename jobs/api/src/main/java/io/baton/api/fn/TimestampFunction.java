package io.baton.api.fn;

import java.io.Serializable;

/** Reads a record's event time in epoch milliseconds, e.g. {@code Reading::getTimestamp}. */
@FunctionalInterface
public interface TimestampFunction<T> extends Serializable {
  long timestamp(T record) throws Exception;
}
