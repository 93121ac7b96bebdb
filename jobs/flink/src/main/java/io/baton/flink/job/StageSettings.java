package io.baton.flink.job;

import io.baton.schemas.registry.RegistryConfig;
import java.io.Serializable;
import java.time.Duration;

/**
 * Where and how a stage job runs, from its command line: Kafka, the registry, bounded or
 * streaming, and how often it checkpoints (which is how often exactly-once output commits).
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param registry the schema registry
 * @param bounded read the inputs up to their current end, in Flink BATCH mode, then finish
 * @param checkpointInterval streaming checkpoint interval
 * @param idleness how long a quiet input partition may hold back event time
 */
public record StageSettings(String bootstrapServers, RegistryConfig registry, boolean bounded,
    Duration checkpointInterval, Duration idleness) implements Serializable {

  public static StageSettings of(String bootstrapServers, String registryUrl) {
    return new StageSettings(bootstrapServers, RegistryConfig.of(registryUrl), false, Duration.ofSeconds(2),
        Duration.ofSeconds(5));
  }

  public StageSettings bounded(boolean bounded) {
    return new StageSettings(bootstrapServers, registry, bounded, checkpointInterval, idleness);
  }

  public StageSettings checkpointInterval(Duration interval) {
    return new StageSettings(bootstrapServers, registry, bounded, interval, idleness);
  }

  public StageSettings registry(RegistryConfig registry) {
    return new StageSettings(bootstrapServers, registry, bounded, checkpointInterval, idleness);
  }
}
