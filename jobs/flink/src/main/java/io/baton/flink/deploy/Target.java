package io.baton.flink.deploy;

import io.baton.schemas.RegistryConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a pipeline runs: Kafka, the schema registry and a Flink session cluster.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param registry the Confluent-compatible registry
 * @param flinkRestUrl the session cluster's REST API (and web UI)
 * @param checkpointInterval how often stage jobs checkpoint (and so commit exactly-once output), e.g. {@code 2s}
 */
public record Target(String bootstrapServers, RegistryConfig registry, String flinkRestUrl, String checkpointInterval) {

  /** The environment-specific arguments every stage job gets after its plan arguments. */
  public List<String> jobArgs(boolean bounded) {
    List<String> args = new ArrayList<>(List.of("--bootstrap-servers", bootstrapServers,
        "--registry-url", registry.url(), "--checkpoint-interval", checkpointInterval));
    if (bounded) {
      args.add("--bounded");
    }
    return args;
  }
}
