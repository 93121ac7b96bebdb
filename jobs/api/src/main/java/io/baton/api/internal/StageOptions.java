package io.baton.api.internal;

import io.baton.api.Delivery;
import io.baton.api.accept.Accept;

/**
 * The per-stage options a {@code Stage} handle sets through its pipeline. Immutable; each option
 * returns new options. Checked when the pipeline is built, not here, so every problem is reported together.
 *
 * <pre>{@code
 * StageOptions.DEFAULTS.parallelism(2).delivery(Delivery.AT_LEAST_ONCE)
 * }</pre>
 *
 * @param parallelism parallel instances of the stage's job
 * @param delivery exactly-once or at-least-once
 * @param outputTopic the topic written instead of {@code <pipeline>.<stage>}, or null
 * @param outputPartitions partitions of the output topic, 0 for the broker's default
 * @param produces the Avro class written where the function does not say, or null
 * @param accept what the stage lets in, or null for the default
 * @param version stamped on every output
 * @param lineage whether outputs carry their lineage (version and exact inputs)
 */
public record StageOptions(int parallelism, Delivery delivery, String outputTopic, int outputPartitions,
    Class<?> produces, Accept<?> accept, String version, boolean lineage) {

  /** One instance, exactly once, the default topic, schema validation only, version "1", lineage on. */
  public static final StageOptions DEFAULTS = new StageOptions(1, Delivery.EXACTLY_ONCE, null, 0, null, null, "1", true);

  public StageOptions parallelism(int n) {
    return new StageOptions(n, delivery, outputTopic, outputPartitions, produces, accept, version, lineage);
  }

  public StageOptions delivery(Delivery d) {
    return new StageOptions(parallelism, d, outputTopic, outputPartitions, produces, accept, version, lineage);
  }

  public StageOptions outputTopic(String topic) {
    return new StageOptions(parallelism, delivery, topic, outputPartitions, produces, accept, version, lineage);
  }

  public StageOptions outputPartitions(int partitions) {
    return new StageOptions(parallelism, delivery, outputTopic, partitions, produces, accept, version, lineage);
  }

  public StageOptions produces(Class<?> recordClass) {
    return new StageOptions(parallelism, delivery, outputTopic, outputPartitions, recordClass, accept, version, lineage);
  }

  public StageOptions accept(Accept<?> policy) {
    return new StageOptions(parallelism, delivery, outputTopic, outputPartitions, produces, policy, version, lineage);
  }

  public StageOptions version(String v) {
    return new StageOptions(parallelism, delivery, outputTopic, outputPartitions, produces, accept, v, lineage);
  }

  public StageOptions lineage(boolean on) {
    return new StageOptions(parallelism, delivery, outputTopic, outputPartitions, produces, accept, version, on);
  }
}
