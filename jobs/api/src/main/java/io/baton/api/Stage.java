package io.baton.api;

import io.baton.api.accept.Accept;
import io.baton.api.internal.StageOptions;
import io.baton.api.internal.StageRef;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A handle on one stage of a {@link Pipeline}: what other stages read, and where per-stage
 * options go. Immutable: an option is set through the pipeline, and the handle returns itself.
 * Options are checked when the pipeline is built.
 *
 * <pre>{@code
 * Stage<Summary> perMinute = p.stage("per-minute", readings, Batch.every(Duration.ofMinutes(1)), Summaries::of)
 *     .parallelism(2)
 *     .atLeastOnce()
 *     .outputPartitions(4);
 * }</pre>
 */
public final class Stage<T> {
  private final Pipeline pipeline;
  private final int slot;
  private final String name;
  private final Class<?> readAs;

  Stage(Pipeline pipeline, int slot, String name, Class<?> readAs) {
    this.pipeline = pipeline;
    this.slot = slot;
    this.name = name;
    this.readAs = readAs;
  }

  /** The stage's name, unique in its pipeline. */
  public String name() {
    return name;
  }

  /** How many parallel instances the stage's Flink job runs (default 1). */
  public Stage<T> parallelism(int parallelism) {
    return set(o -> o.parallelism(parallelism));
  }

  /** Lower latency; a restart may write some records twice. */
  public Stage<T> atLeastOnce() {
    return set(o -> o.delivery(Delivery.AT_LEAST_ONCE));
  }

  /** Kafka transactions tied to checkpoints (the default). */
  public Stage<T> exactlyOnce() {
    return set(o -> o.delivery(Delivery.EXACTLY_ONCE));
  }

  /** The topic this stage writes, instead of {@code <pipeline>.<stage>}. */
  public Stage<T> outputTopic(String topic) {
    Objects.requireNonNull(topic, "topic");
    return set(o -> o.outputTopic(topic));
  }

  /** Partitions of the output topic when Baton creates it. */
  public Stage<T> outputPartitions(int partitions) {
    return set(o -> o.outputPartitions(partitions));
  }

  /** The Avro class this stage writes, where the function does not say (flatMap, lambdas returning Iterable). */
  public Stage<T> produces(Class<T> recordClass) {
    Objects.requireNonNull(recordClass, "recordClass");
    return set(o -> o.produces(recordClass));
  }

  /** What this stage accepts from its inputs (rules, limits); schema validation is always on. */
  public Stage<T> accept(Accept<?> policy) {
    Objects.requireNonNull(policy, "policy");
    return set(o -> o.accept(policy));
  }

  /** The stage version stamped on every output (default "1"); bump it when the function changes. */
  public Stage<T> version(String version) {
    Objects.requireNonNull(version, "version");
    return set(o -> o.version(version));
  }

  /**
   * Whether this stage's outputs carry their lineage (default on): the {@code baton.lineage} header with
   * the stage version and the exact input records. Off saves its few bytes and its encoding per record on
   * a very high-volume stage, at the price of not being able to trace its outputs back.
   *
   * <pre>{@code
   * p.stage("copy", readings, Batch.each(), Fn.map(r -> r)).lineage(false);
   * }</pre>
   */
  public Stage<T> lineage(boolean on) {
    return set(o -> o.lineage(on));
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
    return new Stage<>(pipeline, slot, name, readerClass);
  }

  /** What this handle points at, for the pipeline's declarations. */
  StageRef ref() {
    return new StageRef(pipeline, slot, name, readAs);
  }

  private Stage<T> set(UnaryOperator<StageOptions> option) {
    pipeline.configure(this, option);
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Stage<?> s && ref().equals(s.ref());
  }

  @Override
  public int hashCode() {
    return ref().hashCode();
  }

  @Override
  public String toString() {
    if (readAs != null) {
      return "Stage(" + name + ").readAs(" + readAs.getSimpleName() + ".class)";
    }
    return "Stage(" + name + ")";
  }
}
