package io.baton.flink.internal.trigger;

import java.io.Serializable;

/** How much one element adds to a batch: 1 to count records, its size to fill a box of bytes. */
@FunctionalInterface
public interface Weigher<T> extends Serializable {
  long weigh(T element);

  /** Every element weighs 1: the batch fills after n records. */
  static <T> Weigher<T> count() {
    return element -> 1L;
  }
}
