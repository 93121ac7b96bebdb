package io.baton.flink.deploy;

import io.baton.schemas.registry.RegistryConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a pipeline runs: Kafka, the schema registry and a Flink session cluster.
 *
 * <p>The registry's client properties (credentials, TLS) never go into job arguments, which the
 * Flink web UI and REST API show: {@link #registryForJobs} writes them to
 * {@code <jobFiles>/<pipeline>.registry.properties} (owner-only), and jobs get that file's path;
 * their task managers read it when they connect, so they must share this machine's file system.
 *
 * <pre>{@code
 * Target target = new Target("127.0.0.1:9092", RegistryConfig.of(url).withBasicAuth("u", "p"),
 *     "http://127.0.0.1:8081", "2s", Path.of(".baton/jobs"));
 * List<String> args = target.jobArgs(target.registryForJobs("sensor-story"), false);
 * }</pre>
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param registry the Confluent-compatible registry, with its client properties
 * @param flinkRestUrl the session cluster's REST API (and web UI)
 * @param checkpointInterval how often stage jobs checkpoint (and so commit exactly-once output), e.g. {@code 2s}
 * @param jobFiles folder for the files stage jobs read at run time
 */
public record Target(String bootstrapServers, RegistryConfig registry, String flinkRestUrl, String checkpointInterval,
    Path jobFiles) {

  public Target {
    List<String> problems = new ArrayList<>();
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      problems.add("bootstrapServers must not be blank");
    }
    if (registry == null) {
      problems.add("registry must not be null");
    }
    if (flinkRestUrl == null) {
      problems.add("flinkRestUrl must not be null");
    }
    if (checkpointInterval == null || checkpointInterval.isBlank()) {
      problems.add("checkpointInterval must not be blank, e.g. 2s");
    }
    if (jobFiles == null) {
      problems.add("jobFiles must not be null (a folder the task managers can read, e.g. .baton/jobs)");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid Target: " + String.join("; ", problems));
    }
  }

  /** The registry as {@code pipeline}'s jobs get it: its client properties written to a file, if it has any. */
  public RegistryConfig registryForJobs(String pipeline) {
    if (!registry.hasClientProperties()) {
      return registry;
    }
    return registry.writePropertiesTo(jobFiles.resolve(pipeline + ".registry.properties"));
  }

  /** The environment-specific arguments every stage job gets after its plan arguments. */
  public List<String> jobArgs(RegistryConfig jobRegistry, boolean bounded) {
    if (!jobRegistry.properties().isEmpty()) {
      throw new IllegalArgumentException("registry client properties " + jobRegistry.properties().keySet()
          + " cannot go into job arguments (the Flink web UI shows them); pass registryForJobs(pipeline) instead");
    }
    List<String> args = new ArrayList<>(List.of("--bootstrap-servers", bootstrapServers,
        "--registry-url", jobRegistry.url(), "--checkpoint-interval", checkpointInterval));
    jobRegistry.propertiesFile().ifPresent(file -> args.addAll(List.of("--registry-properties-file", file.toString())));
    if (bounded) {
      args.add("--bounded");
    }
    return args;
  }
}
