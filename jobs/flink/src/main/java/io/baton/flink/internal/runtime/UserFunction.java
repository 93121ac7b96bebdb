package io.baton.flink.internal.runtime;

import io.baton.api.fn.BatchWindow;
import io.baton.api.fn.StageFunction;
import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;

/**
 * Calls a stage's function in the shape it was declared with. The one place that knows every
 * {@link StageFunction} shape; records are {@code Object} here because the shapes are generic.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public final class UserFunction implements Serializable {
  private static final long serialVersionUID = 1L;

  private final StageFunction<?, ?> fn;

  public UserFunction(StageFunction<?, ?> fn) {
    this.fn = fn;
  }

  /** One record in (map, flatMap, filter). */
  public void onRecord(Object record, Consumer<Object> out) throws Exception {
    if (fn instanceof StageFunction.Map m) {
      emit(m.fn().apply(record), out);
    } else if (fn instanceof StageFunction.FlatMap f) {
      emitAll((Iterable<Object>) f.fn().apply(record), out);
    } else if (fn instanceof StageFunction.Filter f) {
      if (f.predicate().test(record)) {
        out.accept(record);
      }
    } else {
      throw new IllegalStateException(fn.label() + " works per batch, not per record");
    }
  }

  /** One released batch in (perBatch, perBatchFlat, perWindow); {@code key} is null when not keyed. */
  public void onBatch(Object key, BatchWindow window, List<Object> batch, Consumer<Object> out) throws Exception {
    if (fn instanceof StageFunction.PerWindow p) {
      emit(p.fn().apply(key, window, batch), out);
    } else if (fn instanceof StageFunction.PerBatch p) {
      emit(p.fn().apply(key, batch), out);
    } else if (fn instanceof StageFunction.PerBatchFlat p) {
      emitAll((Iterable<Object>) p.fn().apply(key, batch), out);
    } else {
      throw new IllegalStateException(fn.label() + " does not take one batch");
    }
  }

  /** Both sides of a co-group window for one key. */
  public void onCoGroup(Object key, List<Object> left, List<Object> right, Consumer<Object> out) throws Exception {
    if (fn instanceof StageFunction.CoGroup c) {
      emit(c.fn().apply(key, left, right), out);
    } else {
      throw new IllegalStateException(fn.label() + " is not a co-group");
    }
  }

  public String label() {
    return fn.label();
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
