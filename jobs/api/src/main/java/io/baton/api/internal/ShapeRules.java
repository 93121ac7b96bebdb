package io.baton.api.internal;

import io.baton.api.Problem;
import io.baton.api.batch.Batch;
import io.baton.api.batch.Each;
import io.baton.api.batch.TimeMode;
import io.baton.api.fn.StageFunction;
import java.util.ArrayList;
import java.util.List;

/** Rules on a stage's function and batch policy: they fit each other, and event time has timestamps. */
final class ShapeRules {
  private ShapeRules() {}

  /** Per-record functions need each(); per-batch ones a batch; a co-group an unkeyed window of time. */
  static List<Problem> validateFunctionFitsBatch(ResolvedStage s, Resolution r) {
    StageDeclaration d = s.declaration();
    if (d.source()) {
      return List.of();
    }
    if (d.batch() == null) {
      return List.of(new Problem(d.name(), "has no batch policy", "pass Batch.each(), Batch.count(n), Batch.every(d), ..."));
    }
    if (d.function() == null) {
      return List.of(new Problem(d.name(), "has no function", "pass a function, e.g. Fn.map(..) or (key, batch) -> .."));
    }
    return d.function().match(new Fits(d.name(), d.batch()));
  }

  /** A policy waiting in event time needs inputs that have it. */
  static List<Problem> validateEventTime(ResolvedStage s, Resolution r) {
    Batch batch = s.declaration().batch();
    if (batch == null || !batch.needsEventTime() || !batch.timeWindow() || s.untimedInputs().isEmpty()) {
      return List.of();
    }
    return List.of(new Problem(s.name(), batch + " waits in event time, but its input '"
        + String.join("', '", s.untimedInputs()) + "' has no timestamps",
        "declare Topic.of(..).eventTime(Record::getTimestamp, Duration.ofSeconds(5)) on the source, or use "
            + batch + " .inProcessingTime()"));
  }

  /**
   * countOrTime and bytes give up waiting after a span of the wall clock: an event-time form would
   * need a watermark per batch and would not end a batch for a quiet key, so it is refused.
   */
  static List<Problem> validateClock(ResolvedStage s, Resolution r) {
    Batch batch = s.declaration().batch();
    if (batch == null || batch.timeWindow() || batch.timeMode() != TimeMode.EVENT) {
      return List.of();
    }
    return List.of(new Problem(s.name(), batch + " waits its maxWait on the wall clock (processing time) only",
        "drop .inEventTime(), or batch by event time with Batch.every(d), Batch.sliding(size, slide) or Batch.session(gap)"));
  }

  /** What each function shape needs of the batch policy. */
  private record Fits(String stage, Batch batch) implements StageFunction.Cases<List<Problem>> {
    @Override public List<Problem> map(StageFunction.Map<?, ?> fn) { return perRecord(fn); }
    @Override public List<Problem> flatMap(StageFunction.FlatMap<?, ?> fn) { return perRecord(fn); }
    @Override public List<Problem> filter(StageFunction.Filter<?> fn) { return perRecord(fn); }
    @Override public List<Problem> perBatch(StageFunction.PerBatch<?, ?, ?> fn) { return perBatch(); }
    @Override public List<Problem> perBatchFlat(StageFunction.PerBatchFlat<?, ?, ?> fn) { return perBatch(); }
    @Override public List<Problem> perWindow(StageFunction.PerWindow<?, ?, ?> fn) { return perBatch(); }

    /** A batch policy, and an accumulator Flink can keep in state (Java serialization). */
    @Override
    public List<Problem> aggregate(StageFunction.Aggregate<?, ?, ?, ?> fn) {
      List<Problem> problems = new ArrayList<>(perBatch());
      Object accumulator;
      try {
        accumulator = fn.aggregation().createAccumulator();
      } catch (RuntimeException e) {
        return List.of(new Problem(stage, "the aggregate's createAccumulator() failed: " + e,
            "return a new, empty accumulator, e.g. () -> 0L"));
      }
      if (accumulator != null && !(accumulator instanceof java.io.Serializable)) {
        problems.add(new Problem(stage, "the aggregate's accumulator " + accumulator.getClass().getName()
            + " is not Serializable; Flink keeps it in state with Java serialization",
            "let the accumulator class implement java.io.Serializable, or use an Avro record, an array or a number"));
      }
      return problems;
    }

    @Override
    public List<Problem> coGroup(StageFunction.CoGroup<?, ?, ?, ?> fn) {
      List<Problem> problems = new ArrayList<>();
      if (!batch.timeWindow()) {
        problems.add(new Problem(stage, "a co-group needs a window (every, sliding or session), got " + batch,
            "p.coGroup(\"" + stage + "\", .., Batch.every(Duration.ofMinutes(1)), ..)"));
      }
      if (batch.keyed()) {
        problems.add(new Problem(stage, "a co-group takes its keys from p.coGroup(..), not from keyedBy: " + batch,
            "drop .keyedBy(..) from the co-group's batch policy"));
      }
      return problems;
    }

    private List<Problem> perRecord(StageFunction<?, ?> fn) {
      if (batch instanceof Each) {
        return List.of();
      }
      return List.of(new Problem(stage, "Fn." + fn.label() + " works per record and needs Batch.each(), got " + batch,
          "use Batch.each(), or a per-batch function (key, List<In>) -> Out with Fn.perBatch(..)"));
    }

    private List<Problem> perBatch() {
      if (!(batch instanceof Each)) {
        return List.of();
      }
      return List.of(new Problem(stage, "a per-batch function needs a batch policy, got " + batch,
          "use Batch.count(n), Batch.every(d), ... or a per-record function (Fn.map, Fn.flatMap, Fn.filter)"));
    }
  }
}
