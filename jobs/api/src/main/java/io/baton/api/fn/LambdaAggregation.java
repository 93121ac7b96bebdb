package io.baton.api.fn;

import java.util.Objects;

/** An {@link Aggregation} made of four lambdas by {@link Fn#aggregate(Aggregation.Create, Aggregation.Add, Aggregation.Merge, Aggregation.Result)}. */
record LambdaAggregation<K, I, A, O>(Aggregation.Create<A> create, Aggregation.Add<I, A> add,
    Aggregation.Merge<A> merge, Aggregation.Result<K, A, O> result) implements Aggregation<K, I, A, O> {

  LambdaAggregation {
    Objects.requireNonNull(create, "create");
    Objects.requireNonNull(add, "add");
    Objects.requireNonNull(merge, "merge");
    Objects.requireNonNull(result, "result");
  }

  @Override public A createAccumulator() { return create.create(); }
  @Override public A add(A accumulator, I input) throws Exception { return add.add(accumulator, input); }
  @Override public A merge(A a, A b) throws Exception { return merge.merge(a, b); }
  @Override public O result(K key, BatchWindow window, A accumulator) throws Exception {
    return result.result(key, window, accumulator);
  }

  @Override
  public String toString() {
    return "aggregate(" + Lambdas.describe(result, "result") + ")";
  }
}
