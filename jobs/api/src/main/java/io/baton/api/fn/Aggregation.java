package io.baton.api.fn;

import java.io.Serializable;

/**
 * An incremental aggregate over one batch: the stage keeps one accumulator per key and window, adds each
 * record to it as it arrives and turns it into the output when the batch is released, so no record is
 * buffered. {@code merge} joins two accumulators when session windows merge. Build one from four lambdas
 * with {@link Fn#aggregate(Create, Add, Merge, Result)}, or implement this interface.
 *
 * <pre>{@code
 * Fn.aggregate(() -> 0L, (Long n, Bid b) -> n + 1, Long::sum,
 *     (Long auction, BatchWindow w, Long n) -> new HotItem(w.start(), w.end(), auction, n))
 * }</pre>
 *
 * <p>The accumulator lives in Flink state and its checkpoints, written with Java serialization: it must be
 * {@link Serializable} (numbers, strings, arrays, Avro records, or a record class that says so), which the
 * pipeline checks when it is built. {@code add} and {@code merge} may change and return their first argument.
 * The key is {@code null} when the batch policy is not keyed; a {@code null} result emits nothing.
 *
 * @param <K> the batch key
 * @param <I> the input record
 * @param <A> the accumulator
 * @param <O> the output record
 */
public interface Aggregation<K, I, A, O> extends Serializable {
  /** A new, empty accumulator. */
  A createAccumulator();

  /** {@code accumulator} with {@code input} added. */
  A add(A accumulator, I input) throws Exception;

  /** Both accumulators in one (session windows merging). */
  A merge(A a, A b) throws Exception;

  /** The output of one released batch, or {@code null} for none. */
  O result(K key, BatchWindow window, A accumulator) throws Exception;

  /** Makes a new, empty accumulator: {@code () -> 0L}. */
  @FunctionalInterface
  interface Create<A> extends Serializable {
    A create();
  }

  /** Adds one record: {@code (n, bid) -> n + 1}. */
  @FunctionalInterface
  interface Add<I, A> extends Serializable {
    A add(A accumulator, I input) throws Exception;
  }

  /** Joins two accumulators: {@code Long::sum}. */
  @FunctionalInterface
  interface Merge<A> extends Serializable {
    A merge(A a, A b) throws Exception;
  }

  /** The output for a key and window: {@code (auction, window, n) -> new HotItem(..)}. */
  @FunctionalInterface
  interface Result<K, A, O> extends Serializable {
    O result(K key, BatchWindow window, A accumulator) throws Exception;
  }
}
