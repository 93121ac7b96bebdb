package io.baton.api.fn;

import java.io.Serializable;

/**
 * What a stage does with what its batch policy releases. The shapes are fixed so the compiler can
 * translate each one exhaustively; build them with {@link Fn}.
 *
 * <pre>{@code
 * p.stage("hot", summaries, Batch.each(), Fn.filter(s -> s.getMeanCelsius() > 40));
 * }</pre>
 */
public sealed interface StageFunction<I, O> extends Serializable
    permits StageFunction.Map, StageFunction.FlatMap, StageFunction.Filter,
        StageFunction.PerBatch, StageFunction.PerBatchFlat, StageFunction.PerWindow, StageFunction.CoGroup {

  /** True for functions that work on whole batches (and so need a batch policy other than each()). */
  boolean perBatch();

  /** The user's function object, for naming and type discovery. */
  Serializable target();

  /** Short label for plans and operator names: map, flatMap, filter, perBatch, coGroup. */
  String label();

  /** One record in, one record out. */
  record Map<I, O>(RecordFunction<I, O> fn) implements StageFunction<I, O> {
    public boolean perBatch() { return false; }
    public Serializable target() { return fn; }
    public String label() { return "map"; }
  }

  /** One record in, zero or more out. */
  record FlatMap<I, O>(FlatRecordFunction<I, O> fn) implements StageFunction<I, O> {
    public boolean perBatch() { return false; }
    public Serializable target() { return fn; }
    public String label() { return "flatMap"; }
  }

  /** Keeps the records the predicate accepts; output type equals input type. */
  record Filter<I>(RecordPredicate<I> predicate) implements StageFunction<I, I> {
    public boolean perBatch() { return false; }
    public Serializable target() { return predicate; }
    public String label() { return "filter"; }
  }

  /** One batch in, one record out. */
  record PerBatch<K, I, O>(BatchFunction<K, I, O> fn) implements StageFunction<I, O> {
    public boolean perBatch() { return true; }
    public Serializable target() { return fn; }
    public String label() { return "perBatch"; }
  }

  /** One batch in, zero or more records out. */
  record PerBatchFlat<K, I, O>(FlatBatchFunction<K, I, O> fn) implements StageFunction<I, O> {
    public boolean perBatch() { return true; }
    public Serializable target() { return fn; }
    public String label() { return "perBatchFlat"; }
  }

  /** One batch and the window it covers in, one record out. */
  record PerWindow<K, I, O>(WindowedBatchFunction<K, I, O> fn) implements StageFunction<I, O> {
    public boolean perBatch() { return true; }
    public Serializable target() { return fn; }
    public String label() { return "perWindow"; }
  }

  /** Two inputs, grouped by key inside one window; {@code I} is unused (two input types). */
  record CoGroup<K, L, R, O>(CoGroupFunction<K, L, R, O> fn) implements StageFunction<Object, O> {
    public boolean perBatch() { return true; }
    public Serializable target() { return fn; }
    public String label() { return "coGroup"; }
  }
}
