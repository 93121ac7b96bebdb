package io.baton.api.fn;

import java.io.Serializable;

/** Picks the key of a record, e.g. {@code Reading::getSensorId}. Keys must have stable equals/hashCode. */
@FunctionalInterface
public interface KeyFunction<T, K> extends Serializable {
  K key(T record) throws Exception;
}
