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
        StageFunction.PerBatch, StageFunction.PerBatchFlat, StageFunction.PerWindow, StageFunction.Aggregate,
        StageFunction.CoGroup {

  /** True for functions that work on whole batches (and so need a batch policy other than each()). */
  boolean perBatch();

  /** The user's function object, for naming and type discovery. */
  Serializable target();

  /** Short label for plans and operator names: map, flatMap, filter, perBatch, aggregate, coGroup. */
  String label();

  /** Calls the case of {@code cases} for this shape. */
  <R> R match(Cases<R> cases);

  /**
   * One answer per function shape; {@link #match(Cases)} picks the one that applies, and the
   * compiler tells every implementation when a shape is added.
   *
   * <pre>{@code
   * boolean keepsInput = fn.match(new StageFunction.Cases<Boolean>() { ... filter(f) -> true ... });
   * }</pre>
   */
  interface Cases<R> {
    R map(Map<?, ?> fn);

    R flatMap(FlatMap<?, ?> fn);

    R filter(Filter<?> fn);

    R perBatch(PerBatch<?, ?, ?> fn);

    R perBatchFlat(PerBatchFlat<?, ?, ?> fn);

    R perWindow(PerWindow<?, ?, ?> fn);

    R aggregate(Aggregate<?, ?, ?, ?> fn);

    R coGroup(CoGroup<?, ?, ?, ?> fn);
  }

  /** One record in, one record out. */
  record Map<I, O>(RecordFunction<I, O> fn) implements StageFunction<I, O> {
    public boolean perBatch() { return false; }
    public Serializable target() { return fn; }
    public String label() { return "map"; }
    public <R> R match(Cases<R> cases) { return cases.map(this); }
  }

  /** One record in, zero or more out. */
  record FlatMap<I, O>(FlatRecordFunction<I, O> fn) implements StageFunction<I, O> {
    public boolean perBatch() { return false; }
    public Serializable target() { return fn; }
    public String label() { return "flatMap"; }
    public <R> R match(Cases<R> cases) { return cases.flatMap(this); }
  }

  /** Keeps the records the predicate accepts; output type equals input type. */
  record Filter<I>(RecordPredicate<I> predicate) implements StageFunction<I, I> {
    public boolean perBatch() { return false; }
    public Serializable target() { return predicate; }
    public String label() { return "filter"; }
    public <R> R match(Cases<R> cases) { return cases.filter(this); }
  }

  /** One batch in, one record out. */
  record PerBatch<K, I, O>(BatchFunction<K, I, O> fn) implements StageFunction<I, O> {
    public boolean perBatch() { return true; }
    public Serializable target() { return fn; }
    public String label() { return "perBatch"; }
    public <R> R match(Cases<R> cases) { return cases.perBatch(this); }
  }

  /** One batch in, zero or more records out. */
  record PerBatchFlat<K, I, O>(FlatBatchFunction<K, I, O> fn) implements StageFunction<I, O> {
    public boolean perBatch() { return true; }
    public Serializable target() { return fn; }
    public String label() { return "perBatchFlat"; }
    public <R> R match(Cases<R> cases) { return cases.perBatchFlat(this); }
  }

  /** One batch and the window it covers in, one record out. */
  record PerWindow<K, I, O>(WindowedBatchFunction<K, I, O> fn) implements StageFunction<I, O> {
    public boolean perBatch() { return true; }
    public Serializable target() { return fn; }
    public String label() { return "perWindow"; }
    public <R> R match(Cases<R> cases) { return cases.perWindow(this); }
  }

  /**
   * One accumulator per key and window, each record added as it arrives, one record out per released
   * batch: no record is buffered. {@link #target()} is the result function (it names the output class).
   */
  record Aggregate<K, I, A, O>(Aggregation<K, I, A, O> aggregation) implements StageFunction<I, O> {
    public boolean perBatch() { return true; }
    public Serializable target() {
      return aggregation instanceof LambdaAggregation<?, ?, ?, ?> lambdas ? lambdas.result() : aggregation;
    }
    public String label() { return "aggregate"; }
    public <R> R match(Cases<R> cases) { return cases.aggregate(this); }
  }

  /** Two inputs, grouped by key inside one window; {@code I} is unused (two input types). */
  record CoGroup<K, L, R, O>(CoGroupFunction<K, L, R, O> fn) implements StageFunction<Object, O> {
    public boolean perBatch() { return true; }
    public Serializable target() { return fn; }
    public String label() { return "coGroup"; }
    public <R> R match(Cases<R> cases) { return cases.coGroup(this); }
  }
}
