package io.baton.api;

import io.baton.api.internal.PipelineGraph;

import io.baton.api.batch.Batch;
import io.baton.api.fn.BatchFunction;
import io.baton.api.fn.CoGroupFunction;
import io.baton.api.fn.KeyFunction;
import io.baton.api.fn.RecordFunction;
import io.baton.api.fn.StageFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
  private final List<Stage<?>> stages = new ArrayList<>();
  private final Map<Stage<?>, Topic<?>> outputs = new LinkedHashMap<>();

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
    return add(new Stage<>(name, Stage.Kind.SOURCE, List.of(), topic, Batch.each(), null, null, null));
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
    return add(new Stage<>(name, Stage.Kind.STAGE, List.of(input), null, batch, fn, null, null));
  }

  /** A stage reading the union of several inputs of one record type. */
  public <I, O> Stage<O> stage(String name, List<? extends Stage<? extends I>> inputs, Batch batch,
      StageFunction<I, O> fn) {
    Objects.requireNonNull(inputs, "inputs");
    return add(new Stage<>(name, Stage.Kind.STAGE, List.copyOf(inputs), null, batch, fn, null, null));
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
    return add(new Stage<>(name, Stage.Kind.CO_GROUP, List.of(left, right), null, window,
        new StageFunction.CoGroup<>(fn), Objects.requireNonNull(leftKey, "leftKey"),
        Objects.requireNonNull(rightKey, "rightKey")));
  }

  /** A stage by name, declared before or after this line; lets stages read each other in any order. */
  public <T> Stage<T> ref(String name) {
    return new Stage<>(Objects.requireNonNull(name, "name"), Stage.Kind.REF, List.of(), null, null, null, null, null);
  }

  /** Writes a stage's output to a named topic instead of {@code <pipeline>.<stage>}. */
  public <T> Pipeline output(Stage<T> stage, Topic<T> topic) {
    outputs.put(Objects.requireNonNull(stage, "stage"), Objects.requireNonNull(topic, "topic"));
    return this;
  }

  /** Checks the whole definition and returns the graph in dependency order. */
  public PipelineGraph build() {
    return new GraphValidator(name, stages, outputs).validate();
  }

  private <T> Stage<T> add(Stage<T> stage) {
    stages.add(stage);
    return stage;
  }
}
