package io.baton.flink.deploy;

import io.baton.connectors.KafkaClientConfig;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.api.internal.ResourceNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a pipeline runs: Kafka, the schema registry and a Flink session cluster.
 *
 * <p>The registry's and Kafka's client properties (credentials, TLS) never go into job arguments, which the
 * Flink web UI and REST API show: {@link #registryForJobs} and {@link #kafkaForJobs} write them to
 * {@code <jobFiles>/<pipeline>.registry.properties} and {@code .kafka.properties} (owner-only), and jobs get those paths;
 * their task managers read it when they connect, so they must share this machine's file system.
 *
 * <pre>{@code
 * Target target = new Target("127.0.0.1:9092", RegistryConfig.of(url).withBasicAuth("u", "p"),
 *     "http://127.0.0.1:8081", "2s", Path.of(".baton/jobs"));
 * List<String> args = target.jobArgs(target.kafkaForJobs("sensor-story"), target.registryForJobs("sensor-story"), false);
 * }</pre>
 *
 * @param kafka Kafka bootstrap servers and client settings (SASL, TLS, ...)
 * @param registry the Confluent-compatible registry, with its client properties
 * @param flinkRestUrl the session cluster's REST API (and web UI)
 * @param checkpointInterval how often stage jobs checkpoint (and so commit exactly-once output), e.g. {@code 2s}
 * @param jobFiles folder for the files stage jobs read at run time
 * @param topics how topics Baton creates are partitioned, replicated and configured
 */
public record Target(KafkaClientConfig kafka, RegistryConfig registry, String flinkRestUrl, String checkpointInterval,
    Path jobFiles, TopicDefaults topics) {

  public Target {
    List<String> problems = new ArrayList<>();
    if (kafka == null) {
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
    if (topics == null) {
      problems.add("topics must not be null (TopicDefaults.brokerDefaults() leaves them to the broker)");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid Target: " + String.join("; ", problems));
    }
  }

  /** A target whose Kafka clients need only {@code bootstrapServers}, creating topics with the broker's defaults. */
  public Target(String bootstrapServers, RegistryConfig registry, String flinkRestUrl, String checkpointInterval,
      Path jobFiles) {
    this(bootstrapServers == null || bootstrapServers.isBlank() ? null : KafkaClientConfig.of(bootstrapServers), registry, flinkRestUrl, checkpointInterval, jobFiles,
        TopicDefaults.brokerDefaults());
  }

  /** Kafka bootstrap servers. */
  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** Kafka as {@code pipeline}'s jobs get it: its client settings written to an owner-only file, if it has any. */
  public KafkaClientConfig kafkaForJobs(String pipeline) {
    if (!kafka.hasClientProperties()) {
      return kafka;
    }
    return kafka.writePropertiesTo(jobFiles.resolve(pipeline + ".kafka.properties"));
  }

  /**
   * Kafka as {@code stage}'s job gets it when the stage has a login of its own ({@code baton acl --apply} wrote its
   * principal's client settings to {@code <jobFiles>/baton.<pipeline>.<stage>.kafka.properties}); empty otherwise,
   * and the job gets the pipeline's ({@link #kafkaForJobs}).
   */
  public Optional<KafkaClientConfig> kafkaForStage(String pipeline, String stage) {
    Path login = jobFiles.resolve(ResourceNames.principalPropertiesFile(ResourceNames.stagePrincipal(pipeline, stage)));
    return Files.isRegularFile(login) ? Optional.of(KafkaClientConfig.of(kafka.bootstrapServers()).withPropertiesFile(login))
        : Optional.empty();
  }

  /** The registry as {@code pipeline}'s jobs get it: its client properties written to a file, if it has any. */
  public RegistryConfig registryForJobs(String pipeline) {
    if (!registry.hasClientProperties()) {
      return registry;
    }
    return registry.writePropertiesTo(jobFiles.resolve(pipeline + ".registry.properties"));
  }

  /** The environment-specific arguments every stage job gets after its plan arguments (Kafka: servers only). */
  public List<String> jobArgs(RegistryConfig jobRegistry, boolean bounded) {
    if (kafka.hasClientProperties()) {
      throw new IllegalArgumentException("Kafka client properties cannot go into job arguments (the Flink web UI shows"
          + " them); pass jobArgs(kafkaForJobs(pipeline), registryForJobs(pipeline), bounded) instead");
    }
    return jobArgs(kafka, jobRegistry, bounded);
  }

  /**
   * The environment-specific arguments every stage job gets after its plan arguments; client settings only as
   * files ({@link #kafkaForJobs}, {@link #registryForJobs}).
   */
  public List<String> jobArgs(KafkaClientConfig jobKafka, RegistryConfig jobRegistry, boolean bounded) {
    if (!jobRegistry.properties().isEmpty()) {
      throw new IllegalArgumentException("registry client properties " + jobRegistry.properties().keySet()
          + " cannot go into job arguments (the Flink web UI shows them); pass registryForJobs(pipeline) instead");
    }
    if (!jobKafka.properties().isEmpty()) {
      throw new IllegalArgumentException("Kafka client properties " + jobKafka.properties().keySet()
          + " cannot go into job arguments (the Flink web UI shows them); pass kafkaForJobs(pipeline) instead");
    }
    List<String> args = new ArrayList<>(List.of("--bootstrap-servers", jobKafka.bootstrapServers(),
        "--registry-url", jobRegistry.url(), "--checkpoint-interval", checkpointInterval));
    jobRegistry.propertiesFile().ifPresent(file -> args.addAll(List.of("--registry-properties-file", file.toString())));
    jobKafka.propertiesFile().ifPresent(file -> args.addAll(List.of("--kafka-properties-file", file.toString())));
    if (bounded) {
      args.add("--bounded");
    }
    return args;
  }
}
