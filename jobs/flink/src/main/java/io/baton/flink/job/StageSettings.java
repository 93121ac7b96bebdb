package io.baton.flink.job;

import io.baton.connectors.KafkaClientConfig;
import io.baton.connectors.OffsetRanges;
import io.baton.connectors.RunId;
import io.baton.schemas.registry.RegistryConfig;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how a stage job runs, from its command line: Kafka, the registry, bounded or
 * streaming, and how often it checkpoints (which is how often exactly-once output commits).
 * A stage of a bounded run also gets the run's id and the offset ranges of its handoff inputs.
 *
 * <pre>{@code
 * StageSettings settings = StageSettings.of("127.0.0.1:9092", registryUrl).bounded(true)
 *     .run(RunId.next()).inputRanges(OffsetRanges.parse("sensor-story.readings:0:372-744"));
 * }</pre>
 *
 * @param kafka Kafka bootstrap servers and client settings (a job's come from an owner-only file, see
 *     {@code Target#kafkaForJobs})
 * @param registry the schema registry
 * @param bounded read the inputs up to their current end, in Flink BATCH mode, then finish
 * @param checkpointInterval streaming checkpoint interval
 * @param idleness how long a quiet input partition may hold back event time
 * @param runId the bounded run this job belongs to, stamped on its outputs and dead letters; null if none
 * @param inputRanges what a bounded job reads of the input topics they name (the others: earliest to end)
 */
public record StageSettings(KafkaClientConfig kafka, RegistryConfig registry, boolean bounded,
    Duration checkpointInterval, Duration idleness, RunId runId, OffsetRanges inputRanges) implements Serializable {

  public StageSettings {
    Objects.requireNonNull(kafka, "kafka");
    inputRanges = inputRanges == null ? OffsetRanges.none() : inputRanges;
  }

  public static StageSettings of(String bootstrapServers, String registryUrl) {
    return new StageSettings(KafkaClientConfig.of(bootstrapServers), RegistryConfig.of(registryUrl), false, Duration.ofSeconds(2),
        Duration.ofSeconds(5), null, OffsetRanges.none());
  }

  /** Kafka bootstrap servers. */
  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** Settings whose Kafka clients connect with {@code kafka}. */
  public StageSettings kafka(KafkaClientConfig kafka) {
    return new StageSettings(kafka, registry, bounded, checkpointInterval, idleness, runId, inputRanges);
  }

  public StageSettings bounded(boolean bounded) {
    return new StageSettings(kafka, registry, bounded, checkpointInterval, idleness, runId, inputRanges);
  }

  public StageSettings checkpointInterval(Duration interval) {
    return new StageSettings(kafka, registry, bounded, interval, idleness, runId, inputRanges);
  }

  public StageSettings registry(RegistryConfig registry) {
    return new StageSettings(kafka, registry, bounded, checkpointInterval, idleness, runId, inputRanges);
  }

  /** Settings of a job of bounded run {@code run}. */
  public StageSettings run(RunId run) {
    return new StageSettings(kafka, registry, bounded, checkpointInterval, idleness, run, inputRanges);
  }

  /** Settings of a job that reads exactly {@code ranges} of the input topics they name. */
  public StageSettings inputRanges(OffsetRanges ranges) {
    return new StageSettings(kafka, registry, bounded, checkpointInterval, idleness, runId, ranges);
  }

  /** The bounded run this job belongs to, if any. */
  public Optional<RunId> run() {
    return Optional.ofNullable(runId);
  }
}
