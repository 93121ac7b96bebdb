package io.baton.api;

import io.baton.api.accept.Accept;
import io.baton.api.batch.Batch;
import io.baton.api.fn.KeyFunction;
import io.baton.api.fn.StageFunction;
import java.util.List;
import java.util.Objects;

/**
 * A handle on one stage of a {@link Pipeline}: what other stages read, and where per-stage
 * options go. Options are checked when the pipeline is built.
 *
 * <pre>{@code
 * Stage<Summary> perMinute = p.stage("per-minute", readings, Batch.every(Duration.ofMinutes(1)), Summaries::of)
 *     .parallelism(2)
 *     .atLeastOnce()
 *     .outputPartitions(4);
 * }</pre>
 */
public final class Stage<T> {

  /** How the stage came to be. */
  enum Kind { SOURCE, STAGE, CO_GROUP, REF }

  final String name;
  final Kind kind;
  final List<Stage<?>> inputs;
  final Topic<?> topic;
  final Batch batch;
  final StageFunction<?, ?> function;
  final KeyFunction<?, ?> leftKey;
  final KeyFunction<?, ?> rightKey;

  int parallelism = 1;
  Delivery delivery = Delivery.EXACTLY_ONCE;
  String outputTopic;
  int outputPartitions;
  Class<?> produces;
  Accept<?> accept;
  String version = "1";
  Class<?> readAs;

  Stage(String name, Kind kind, List<Stage<?>> inputs, Topic<?> topic, Batch batch,
      StageFunction<?, ?> function, KeyFunction<?, ?> leftKey, KeyFunction<?, ?> rightKey) {
    this.name = name;
    this.kind = kind;
    this.inputs = inputs;
    this.topic = topic;
    this.batch = batch;
    this.function = function;
    this.leftKey = leftKey;
    this.rightKey = rightKey;
  }

  /** The stage's name, unique in its pipeline. */
  public String name() {
    return name;
  }

  /** How many parallel instances the stage's Flink job runs (default 1). */
  public Stage<T> parallelism(int parallelism) {
    this.parallelism = parallelism;
    return this;
  }

  /** Lower latency; a restart may write some records twice. */
  public Stage<T> atLeastOnce() {
    this.delivery = Delivery.AT_LEAST_ONCE;
    return this;
  }

  /** Kafka transactions tied to checkpoints (the default). */
  public Stage<T> exactlyOnce() {
    this.delivery = Delivery.EXACTLY_ONCE;
    return this;
  }

  /** The topic this stage writes, instead of {@code <pipeline>.<stage>}. */
  public Stage<T> outputTopic(String topic) {
    this.outputTopic = Objects.requireNonNull(topic, "topic");
    return this;
  }

  /** Partitions of the output topic when Baton creates it. */
  public Stage<T> outputPartitions(int partitions) {
    this.outputPartitions = partitions;
    return this;
  }

  /** The Avro class this stage writes, where the function does not say (flatMap, lambdas returning Iterable). */
  public Stage<T> produces(Class<T> recordClass) {
    this.produces = Objects.requireNonNull(recordClass, "recordClass");
    return this;
  }

  /** What this stage accepts from its inputs (rules, limits); schema validation is always on. */
  public Stage<T> accept(Accept<?> policy) {
    this.accept = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /** The stage version stamped on every output (default "1"); bump it when the function changes. */
  public Stage<T> version(String version) {
    this.version = Objects.requireNonNull(version, "version");
    return this;
  }

  /**
   * This stage's output as a reader with fewer fields sees it: a projection, for a consumer that
   * needs only some of what this stage writes. The reader class's schema must resolve from the
   * written one (same record name or an alias of it; every field it declares present upstream or
   * defaulted), which the deploy check verifies against the registry before anything runs.
   *
   * <pre>{@code
   * // CelsiusOnly.avsc: {"name": "CelsiusOnly", "aliases": ["io.baton.schemas.sensor.Reading"], fields sensorId, celsius}
   * p.stage("hot", readings.readAs(CelsiusOnly.class), Batch.each(), Fn.filter(r -> r.getCelsius() > 40));
   * }</pre>
   */
  public <V> Stage<V> readAs(Class<V> readerClass) {
    Objects.requireNonNull(readerClass, "readerClass");
    Stage<V> view = new Stage<>(name, Kind.REF, List.of(), null, null, null, null, null);
    view.readAs = readerClass;
    return view;
  }

  @Override
  public String toString() {
    if (readAs != null) {
      return "Stage(" + name + ").readAs(" + readAs.getSimpleName() + ".class)";
    }
    return "Stage(" + name + ")";
  }
}
