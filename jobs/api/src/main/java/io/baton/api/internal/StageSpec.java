package io.baton.api.internal;

import io.baton.api.Delivery;

import io.baton.api.accept.Accept;
import io.baton.api.batch.Batch;
import io.baton.api.fn.KeyFunction;
import io.baton.api.fn.StageFunction;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One validated stage of a {@link PipelineGraph}: everything the compiler needs to build its job.
 * A source is a stage too: it reads an outside topic, accepts what it should and hands the
 * accepted records on through its own topic.
 *
 * @param name stage name, unique in the pipeline
 * @param source true for a source (reads {@code inputTopics} from outside the pipeline)
 * @param inputs names of the stages read, in order (left, right for a co-group); empty for a source
 * @param inputTopics the Kafka topics read, in the order of {@code inputs}
 * @param inputClasses the Avro classes read, in the order of {@code inputTopics}
 * @param batch when the stage hands on; {@code Batch.each()} for sources
 * @param function what the stage does; empty for a source
 * @param leftKey key of the left input of a co-group
 * @param rightKey key of the right input of a co-group
 * @param outputClass the Avro class written
 * @param outputTopic the handoff topic written
 * @param outputPartitions partitions to create the output topic with, 0 for the broker's default
 * @param deadLetterTopic where rejected records go: {@code <pipeline>.<stage>.dead-letter}
 * @param accept what the stage lets in
 * @param eventTime how the stage reads event time, empty when its records have none
 * @param parallelism parallel instances of the stage's job
 * @param delivery exactly-once or at-least-once
 * @param version stamped on every output for provenance
 * @param lineage whether outputs carry their lineage header (version and exact inputs)
 */
public record StageSpec(
    String name,
    boolean source,
    List<String> inputs,
    List<String> inputTopics,
    List<Class<?>> inputClasses,
    Batch batch,
    Optional<StageFunction<?, ?>> function,
    Optional<KeyFunction<?, ?>> leftKey,
    Optional<KeyFunction<?, ?>> rightKey,
    Class<?> outputClass,
    String outputTopic,
    int outputPartitions,
    String deadLetterTopic,
    Accept<?> accept,
    Optional<EventTime> eventTime,
    int parallelism,
    Delivery delivery,
    String version,
    boolean lineage) {

  public StageSpec {
    inputs = List.copyOf(inputs);
    inputTopics = List.copyOf(inputTopics);
    inputClasses = List.copyOf(inputClasses);
  }

  /** This stage with other policies (a deploy's overrides); everything else as it is. */
  public StageSpec withPolicies(Batch newBatch, Accept<?> newAccept, int newParallelism, Delivery newDelivery) {
    return new StageSpec(name, source, inputs, inputTopics, inputClasses, newBatch, function, leftKey, rightKey,
        outputClass, outputTopic, outputPartitions, deadLetterTopic, newAccept, eventTime, newParallelism, newDelivery,
        version, lineage);
  }

  /** True for a co-group of two inputs. */
  public boolean coGroup() {
    return function.filter(f -> f instanceof StageFunction.CoGroup).isPresent();
  }

  /**
   * Where a stage's event time comes from: a source reads it from each record with
   * {@code timestamp}; a later stage reads the Kafka timestamp its upstream wrote.
   * {@code closeWindowsAfterIdle} (null when not set): after this much silence on an input
   * partition, event time moves on with the wall clock, so windows of a quiet source close.
   */
  public record EventTime(Optional<io.baton.api.fn.TimestampFunction<?>> timestamp, Duration outOfOrderness,
      Duration closeWindowsAfterIdle) {
    /** How long a quiet input waits before its event time moves on with the wall clock; empty: never. */
    public Optional<Duration> idleClose() {
      return Optional.ofNullable(closeWindowsAfterIdle);
    }
  }
}
