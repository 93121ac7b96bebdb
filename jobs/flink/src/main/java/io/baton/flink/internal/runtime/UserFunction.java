package io.baton.flink.internal.runtime;

import io.baton.api.fn.Aggregation;
import io.baton.api.fn.BatchWindow;
import io.baton.api.fn.StageFunction;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Calls a stage's function in the shape it was declared with. The one place that knows every
 * {@link StageFunction} shape; records are {@code Object} here because the shapes are generic.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public final class UserFunction implements Serializable {
  private static final long serialVersionUID = 1L;

  private final StageFunction<?, ?> fn;
  // The shape's way in, picked once per task by fn.match; not shipped with the job.
  private transient Call call;

  public UserFunction(StageFunction<?, ?> fn) {
    this.fn = fn;
  }

  /** One record in (map, flatMap, filter). */
  public void onRecord(Object record, Consumer<Object> out) throws Exception {
    call().onRecord(record, out);
  }

  /** One released batch in (perBatch, perBatchFlat, perWindow); {@code key} is null when not keyed. */
  public void onBatch(Object key, BatchWindow window, List<Object> batch, Consumer<Object> out) throws Exception {
    call().onBatch(key, window, batch, out);
  }

  /** Both sides of a co-group window for one key. */
  public void onCoGroup(Object key, List<Object> left, List<Object> right, Consumer<Object> out) throws Exception {
    call().onCoGroup(key, left, right, out);
  }

  public String label() {
    return fn.label();
  }

  /** The aggregation when the function is an incremental aggregate ({@code Fn.aggregate}), else empty. */
  public Optional<Aggregation<Object, Object, Object, Object>> aggregation() {
    return fn instanceof StageFunction.Aggregate a ? Optional.of(a.aggregation()) : Optional.empty();
  }

  private Call call() {
    if (call == null) {
      call = fn.match(new Shapes());
    }
    return call;
  }

  /** The three ways into a stage function: a shape takes one and refuses the other two. */
  private abstract static class Call {
    private final String label;

    Call(String label) {
      this.label = label;
    }

    void onRecord(Object record, Consumer<Object> out) throws Exception {
      throw new IllegalStateException(label + " works per batch, not per record");
    }

    void onBatch(Object key, BatchWindow window, List<Object> batch, Consumer<Object> out) throws Exception {
      throw new IllegalStateException(label + " does not take one batch");
    }

    void onCoGroup(Object key, List<Object> left, List<Object> right, Consumer<Object> out) throws Exception {
      throw new IllegalStateException(label + " is not a co-group");
    }
  }

  /** Every shape's way in. */
  private static final class Shapes implements StageFunction.Cases<Call> {
    @Override
    public Call map(StageFunction.Map f) {
      return new Call(f.label()) {
        @Override void onRecord(Object record, Consumer<Object> out) throws Exception {
          emit(f.fn().apply(record), out);
        }
      };
    }

    @Override
    public Call flatMap(StageFunction.FlatMap f) {
      return new Call(f.label()) {
        @Override void onRecord(Object record, Consumer<Object> out) throws Exception {
          emitAll((Iterable<Object>) f.fn().apply(record), out);
        }
      };
    }

    @Override
    public Call filter(StageFunction.Filter f) {
      return new Call(f.label()) {
        @Override void onRecord(Object record, Consumer<Object> out) throws Exception {
          if (f.predicate().test(record)) {
            out.accept(record);
          }
        }
      };
    }

    @Override
    public Call perBatch(StageFunction.PerBatch f) {
      return new Call(f.label()) {
        @Override void onBatch(Object key, BatchWindow window, List<Object> batch, Consumer<Object> out) throws Exception {
          emit(f.fn().apply(key, batch), out);
        }
      };
    }

    @Override
    public Call perBatchFlat(StageFunction.PerBatchFlat f) {
      return new Call(f.label()) {
        @Override void onBatch(Object key, BatchWindow window, List<Object> batch, Consumer<Object> out) throws Exception {
          emitAll((Iterable<Object>) f.fn().apply(key, batch), out);
        }
      };
    }

    @Override
    public Call perWindow(StageFunction.PerWindow f) {
      return new Call(f.label()) {
        @Override void onBatch(Object key, BatchWindow window, List<Object> batch, Consumer<Object> out) throws Exception {
          emit(f.fn().apply(key, window, batch), out);
        }
      };
    }

    /** Runs as a Flink AggregateFunction ({@link AggregateStep}), never through these ways in. */
    @Override
    public Call aggregate(StageFunction.Aggregate f) {
      return new Call(f.label()) {};
    }

    @Override
    public Call coGroup(StageFunction.CoGroup f) {
      return new Call(f.label()) {
        @Override void onCoGroup(Object key, List<Object> left, List<Object> right, Consumer<Object> out) throws Exception {
          emit(f.fn().apply(key, left, right), out);
        }
      };
    }
  }

  private static void emit(Object result, Consumer<Object> out) {
    if (result != null) {
      out.accept(result);
    }
  }

  private static void emitAll(Iterable<Object> results, Consumer<Object> out) {
    if (results != null) {
      results.forEach(r -> emit(r, out));
    }
  }
}
