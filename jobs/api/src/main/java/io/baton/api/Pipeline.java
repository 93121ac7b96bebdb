package io.baton.api;

import io.baton.api.batch.Batch;
import io.baton.api.fn.BatchFunction;
import io.baton.api.fn.CoGroupFunction;
import io.baton.api.fn.KeyFunction;
import io.baton.api.fn.RecordFunction;
import io.baton.api.fn.StageFunction;
import io.baton.api.internal.PipelineCompiler;
import io.baton.api.internal.PipelineDeclaration;
import io.baton.api.internal.PipelineGraph;
import io.baton.api.internal.StageDeclaration;
import io.baton.api.internal.StageOptions;
import io.baton.api.internal.StageRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A graph of stages; the graph comes from which stage reads which ({@code output = stage(input)}),
 * so the order of declarations does not matter. Nothing is checked until {@link #build()}, which
 * reports every problem at once.
 *
 * <pre>{@code
 * Pipeline p = Pipeline.named("sensor-story");
 * Stage<Reading> readings = p.source("readings",
 *     Topic.of("sensors.readings", Reading.class).eventTime(Reading::getTimestamp, Duration.ofSeconds(5)));
 * Stage<Summary> perMinute = p.stage("per-minute", readings,
 *     Batch.every(Duration.ofMinutes(1)).keyedBy(Reading::getSensorId), Summaries::of);
 * Stage<Alert> alerts = p.stage("alerts", perMinute, Batch.each(), Alerts::hot);
 * p.output(alerts, Topic.of("sensors.alerts", Alert.class));
 * PipelineGraph graph = p.build();
 * }</pre>
 */
public final class Pipeline {
  private final String name;
  // One immutable declaration per p.source/p.stage/p.coGroup call, replaced when an option changes.
  private final List<StageDeclaration> stages = new ArrayList<>();
  private final Map<StageRef, Topic<?>> outputs = new LinkedHashMap<>();

  private Pipeline(String name) {
    this.name = name;
  }

  /** A new pipeline; names are lowercase letters, digits and '-' (checked by {@link #build()}). */
  public static Pipeline named(String name) {
    return new Pipeline(Objects.requireNonNull(name, "name"));
  }

  public String name() {
    return name;
  }

  /** Records from an outside topic; the source stage accepts them and hands them on. */
  public <T> Stage<T> source(String name, Topic<T> topic) {
    Objects.requireNonNull(topic, "topic");
    return add(StageDeclaration.source(name, topic));
  }

  /** A stage applying {@code fn} to each record (needs {@code Batch.each()}). */
  public <I, O> Stage<O> stage(String name, Stage<I> input, Batch batch, RecordFunction<I, O> fn) {
    return stage(name, input, batch, io.baton.api.fn.Fn.map(fn));
  }

  /** A stage applying {@code fn} to each released batch: {@code (key, List<In>) -> Out}. */
  public <K, I, O> Stage<O> stage(String name, Stage<I> input, Batch batch, BatchFunction<K, I, O> fn) {
    return stage(name, input, batch, io.baton.api.fn.Fn.perBatch(fn));
  }

  /** A stage with any function shape (see {@link io.baton.api.fn.Fn}). */
  public <I, O> Stage<O> stage(String name, Stage<I> input, Batch batch, StageFunction<I, O> fn) {
    Objects.requireNonNull(input, "input");
    return add(StageDeclaration.stage(name, List.of(input.ref()), batch, fn));
  }

  /** A stage reading the union of several inputs of one record type. */
  public <I, O> Stage<O> stage(String name, List<? extends Stage<? extends I>> inputs, Batch batch,
      StageFunction<I, O> fn) {
    Objects.requireNonNull(inputs, "inputs");
    return add(StageDeclaration.stage(name, List.copyOf(inputs).stream().map(Stage::ref).toList(), batch, fn));
  }

  /**
   * A keyed co-group of two inputs inside one window: per key and window, {@code fn} gets what
   * each side delivered.
   *
   * <pre>{@code
   * p.coGroup("sum", g1, Part::getId, g3, Part::getId, Batch.every(Duration.ofMinutes(1)), Sums::of);
   * }</pre>
   */
  public <K, L, R, O> Stage<O> coGroup(String name, Stage<L> left, KeyFunction<L, K> leftKey,
      Stage<R> right, KeyFunction<R, K> rightKey, Batch window, CoGroupFunction<K, L, R, O> fn) {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    Objects.requireNonNull(fn, "fn");
    return add(StageDeclaration.coGroup(name, left.ref(), Objects.requireNonNull(leftKey, "leftKey"), right.ref(),
        Objects.requireNonNull(rightKey, "rightKey"), window, new StageFunction.CoGroup<>(fn)));
  }

  /** A stage by name, declared before or after this line; lets stages read each other in any order. */
  public <T> Stage<T> ref(String name) {
    return new Stage<>(this, StageRef.BY_NAME, Objects.requireNonNull(name, "name"), null);
  }

  /** Writes a stage's output to a named topic instead of {@code <pipeline>.<stage>}. */
  public <T> Pipeline output(Stage<T> stage, Topic<T> topic) {
    outputs.put(Objects.requireNonNull(stage, "stage").ref(), Objects.requireNonNull(topic, "topic"));
    return this;
  }

  /** Checks the whole definition and returns the graph in dependency order. */
  public PipelineGraph build() {
    List<PipelineDeclaration.Output> declared = outputs.entrySet().stream()
        .map(e -> new PipelineDeclaration.Output(e.getKey(), e.getValue())).toList();
    return PipelineCompiler.compile(new PipelineDeclaration(this, name, stages, declared));
  }

  /** Sets an option of the stage {@code handle} points at: replaces its declaration. */
  void configure(Stage<?> handle, UnaryOperator<StageOptions> option) {
    StageRef ref = handle.ref();
    int slot = ref.slot() != StageRef.BY_NAME ? ref.slot() : slotOf(ref.name());
    StageDeclaration declared = stages.get(slot);
    stages.set(slot, declared.withOptions(option.apply(declared.options())));
  }

  private int slotOf(String stage) {
    for (int i = 0; i < stages.size(); i++) {
      if (Objects.equals(stages.get(i).name(), stage)) {
        return i;
      }
    }
    throw new IllegalStateException("p.ref(\"" + stage + "\") names no stage declared so far in pipeline '" + name
        + "'; set options on the Stage that p.source(..), p.stage(..) or p.coGroup(..) returns");
  }

  private <T> Stage<T> add(StageDeclaration declaration) {
    stages.add(declaration);
    return new Stage<>(this, stages.size() - 1, declaration.name(), null);
  }
}
