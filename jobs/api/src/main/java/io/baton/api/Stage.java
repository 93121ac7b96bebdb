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

  @Override
  public String toString() {
    return "Stage(" + name + ")";
  }
}
