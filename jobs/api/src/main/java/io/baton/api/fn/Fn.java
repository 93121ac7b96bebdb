package io.baton.api.fn;

import java.util.Objects;

/**
 * Factories for stage functions.
 *
 * <pre>{@code
 * Fn.map(Alerts::hot)                       // one in, one out
 * Fn.flatMap(r -> List.of(r, r))            // one in, zero or more out
 * Fn.filter(r -> r.getCelsius() > 0)        // keep some
 * Fn.perBatch(Summaries::of)                // (key, List<In>) -> Out
 * Fn.perBatchFlat((k, rs) -> rs)            // (key, List<In>) -> zero or more Out
 * Fn.perWindow(HotItems::count)             // (key, BatchWindow, List<In>) -> Out
 * Fn.aggregate(() -> 0L, (n, r) -> n + 1, Long::sum, (key, window, n) -> ..)   // one accumulator per batch
 * }</pre>
 */
public final class Fn {
  private Fn() {}

  public static <I, O> StageFunction<I, O> map(RecordFunction<I, O> fn) {
    return new StageFunction.Map<>(Objects.requireNonNull(fn, "fn"));
  }

  public static <I, O> StageFunction<I, O> flatMap(FlatRecordFunction<I, O> fn) {
    return new StageFunction.FlatMap<>(Objects.requireNonNull(fn, "fn"));
  }

  public static <I> StageFunction<I, I> filter(RecordPredicate<I> predicate) {
    return new StageFunction.Filter<>(Objects.requireNonNull(predicate, "predicate"));
  }

  public static <K, I, O> StageFunction<I, O> perBatch(BatchFunction<K, I, O> fn) {
    return new StageFunction.PerBatch<>(Objects.requireNonNull(fn, "fn"));
  }

  public static <K, I, O> StageFunction<I, O> perWindow(WindowedBatchFunction<K, I, O> fn) {
    return new StageFunction.PerWindow<>(Objects.requireNonNull(fn, "fn"));
  }

  public static <K, I, O> StageFunction<I, O> perBatchFlat(FlatBatchFunction<K, I, O> fn) {
    return new StageFunction.PerBatchFlat<>(Objects.requireNonNull(fn, "fn"));
  }

  /**
   * An incremental aggregate: one accumulator per key and window instead of the batch's records (see
   * {@link Aggregation}). {@code merge} is needed for session windows, which merge.
   */
  public static <K, I, A, O> StageFunction<I, O> aggregate(Aggregation.Create<A> create, Aggregation.Add<I, A> add,
      Aggregation.Merge<A> merge, Aggregation.Result<K, A, O> result) {
    return new StageFunction.Aggregate<>(new LambdaAggregation<>(create, add, merge, result));
  }

  /** An incremental aggregate written as a class. */
  public static <K, I, A, O> StageFunction<I, O> aggregate(Aggregation<K, I, A, O> aggregation) {
    return new StageFunction.Aggregate<>(Objects.requireNonNull(aggregation, "aggregation"));
  }
}
