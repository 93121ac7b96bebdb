package io.baton.flink.plan;

import io.baton.api.batch.Batch;
import io.baton.api.fn.Lambdas;
import io.baton.api.fn.StageFunction;
import io.baton.api.internal.StageSpec;
import io.baton.flink.internal.translate.OperatorUids;
import java.util.ArrayList;
import java.util.List;

/**
 * What a stage's savepoint holds, in words: the operator uids, the batch policy (its kind, clock and sizes), the key
 * it batches by, whether it keeps records or one accumulator per window (and its class), and the topics its source
 * has offsets for. A savepoint restores into a new version of the stage when {@link #differences} finds nothing.
 *
 * <pre>{@code
 * StateShape before = plan.stage("per-minute").stateShape();
 * before.differences(after)   // [window size every(PT1M) → every(PT2M)]
 * }</pre>
 *
 * @param uids operator uids in topology order
 * @param batchKind the policy's kind: each, count, every, sliding, session, countOrTime, bytes
 * @param batch the policy's expression with its sizes, e.g. {@code every(PT1M)}
 * @param clock what it waits on: NONE, EVENT, PROCESSING
 * @param key the batch key's name and the method that computes it, or {@code none}
 * @param state what a window keeps: {@code none} (no window), {@code records} (perBatch, perWindow, coGroup) or
 *     {@code accumulator}
 * @param accumulator the accumulator's class for {@code aggregate}, else empty
 * @param inputTopics the topics the source holds offsets of
 */
public record StateShape(List<String> uids, String batchKind, String batch, String clock, String key, String state,
    String accumulator, List<String> inputTopics) {

  public StateShape {
    uids = List.copyOf(uids);
    inputTopics = List.copyOf(inputTopics);
  }

  /** The shape of {@code spec}'s streaming job. */
  public static StateShape of(StageSpec spec) {
    Batch batch = spec.batch();
    String kind = batch.getClass().getSimpleName();
    kind = Character.toLowerCase(kind.charAt(0)) + kind.substring(1);
    String key = batch.key().map(k -> batch.keyName().orElse("key") + " (" + method(k) + ")").orElse("none");
    String state = kind.equals("each") ? "none"
        : spec.function().filter(f -> f instanceof StageFunction.Aggregate).isPresent() ? "accumulator" : "records";
    String accumulator = spec.function().filter(f -> f instanceof StageFunction.Aggregate<?, ?, ?, ?>)
        .map(f -> accumulatorClass((StageFunction.Aggregate<?, ?, ?, ?>) f)).orElse("");
    return new StateShape(OperatorUids.of(spec), kind, batch.expression(), batch.timeMode().name(), key, state,
        accumulator, spec.inputTopics());
  }

  /** What keeps this (older) shape's savepoint from restoring into {@code newer}, in words; empty when nothing. */
  public List<String> differences(StateShape newer) {
    List<String> d = new ArrayList<>();
    List<String> dropped = uids.stream().filter(u -> !newer.uids.contains(u)).toList();
    if (!batchKind.equals(newer.batchKind)) {
      d.add("batch policy " + batch + " → " + newer.batch);
    } else if (!batch.equals(newer.batch) && timeWindow()) {
      d.add((batchKind.equals("session") ? "session gap " : "window size ") + batch + " → " + newer.batch);
    }
    if (!clock.equals(newer.clock)) {
      d.add("clock " + clock.toLowerCase() + " time → " + newer.clock.toLowerCase() + " time");
    }
    if (!key.equals(newer.key)) {
      d.add("key " + key + " → " + newer.key);
    }
    if (!state.equals(newer.state)) {
      d.add("window state " + state + " → " + newer.state);
    } else if (!accumulator.equals(newer.accumulator)) {
      d.add("accumulator " + accumulator + " → " + newer.accumulator);
    }
    if (!inputTopics.equals(newer.inputTopics)) {
      d.add("input topics " + inputTopics + " → " + newer.inputTopics);
    }
    if (!dropped.isEmpty() && d.isEmpty()) {
      d.add("operators with state " + dropped + " are gone");
    }
    return d;
  }

  private boolean timeWindow() {
    return List.of("every", "sliding", "session").contains(batchKind);
  }

  private static String method(Object fn) {
    return Lambdas.serialized((java.io.Serializable) fn)
        .map(s -> s.getImplClass().replace('/', '.') + "::" + s.getImplMethodName())
        .orElse(fn.getClass().getName());
  }

  /** The class of a new accumulator, made once at plan time ({@code create} is cheap and has no side effects). */
  private static String accumulatorClass(StageFunction.Aggregate<?, ?, ?, ?> aggregate) {
    try {
      Object accumulator = aggregate.aggregation().createAccumulator();
      return accumulator == null ? "null" : accumulator.getClass().getName();
    } catch (RuntimeException e) {
      return "unknown (" + e.getClass().getSimpleName() + ")";
    }
  }
}
