package io.baton.cli;

import io.baton.connectors.KafkaClientConfig;
import io.baton.flink.deploy.TopicDefaults;
import io.baton.flink.lineage.LineageSettings;
import io.baton.schemas.registry.RegistryConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A named place pipelines run: a Flink session cluster's REST URL, Kafka with its client settings, a schema
 * registry with its, and how topics are created. {@link #LOCAL} is the local stack, whose servers come from
 * {@code ./baton up}; every other context comes from the contexts file ({@link ContextsFile}): of kind {@code flink}
 * (the servers above, reached from here) or of kind {@code kubernetes} ({@link KubeTarget}: a cluster whose Flink
 * operator runs the jobs; its servers are inside the cluster, so only {@code baton k8s apply} uses it).
 *
 * <pre>{@code
 * Context shared = Context.remote("shared", Path.of("~/.config/baton/config.yaml"), "https://flink:8081", null,
 *     KafkaClientConfig.of("broker:9093").withPropertiesFile(Path.of("/etc/baton/kafka/client.properties")),
 *     RegistryConfig.of("https://registry/apis/ccompat/v7"), TopicDefaults.builder().replicationFactor(3).build());
 * }</pre>
 */
final class Context {
  /** The name of the local stack's context. */
  static final String LOCAL_NAME = "local";
  /** The local stack ({@code ./baton up}): its servers, its registry, topics with the broker's defaults. */
  static final Context LOCAL = new Context(LOCAL_NAME, null, null, null, null, null, TopicDefaults.brokerDefaults(), null, null, null);
  /** The kind of a context of Flink's REST API, Kafka and a registry reached from here (the default). */
  static final String FLINK = "flink";
  /** The kind of a context of a Kubernetes cluster with the Flink operator and Strimzi. */
  static final String KUBERNETES = "kubernetes";

  private final String name;
  private final Path origin;
  private final String flinkRest;
  private final Path jobFiles;
  private final KafkaClientConfig kafka;
  private final RegistryConfig registry;
  private final TopicDefaults topics;
  private final String savepoints;
  private final LineageSettings lineage;
  private final KubeTarget kube;

  private Context(String name, Path origin, String flinkRest, Path jobFiles, KafkaClientConfig kafka,
      RegistryConfig registry, TopicDefaults topics, String savepoints, LineageSettings lineage, KubeTarget kube) {
    this.savepoints = savepoints;
    this.name = name;
    this.origin = origin;
    this.flinkRest = flinkRest;
    this.jobFiles = jobFiles;
    this.kafka = kafka;
    this.registry = registry;
    this.topics = topics;
    this.lineage = lineage;
    this.kube = kube;
  }

  /** A context of the file {@code origin}; {@link ContextParser} has validated every part. */
  static Context remote(String name, Path origin, String flinkRest, Path jobFiles, KafkaClientConfig kafka,
      RegistryConfig registry, TopicDefaults topics) {
    return new Context(Objects.requireNonNull(name), Objects.requireNonNull(origin), Objects.requireNonNull(flinkRest),
        jobFiles, Objects.requireNonNull(kafka), Objects.requireNonNull(registry), Objects.requireNonNull(topics), null, null,
        null);
  }

  /** A context of kind {@code kubernetes} of the file {@code origin}; {@link ContextParser} has validated it. */
  static Context kubernetes(String name, Path origin, KubeTarget kube) {
    return new Context(Objects.requireNonNull(name), Objects.requireNonNull(origin), null, null, null, null,
        TopicDefaults.brokerDefaults(), null, null, Objects.requireNonNull(kube));
  }

  /** The same context, emitting its runs' OpenLineage events as {@code lineage} says (its {@code lineage:} section). */
  Context withLineage(LineageSettings lineage) {
    return new Context(name, origin, flinkRest, jobFiles, kafka, registry, topics, savepoints, Objects.requireNonNull(lineage),
        kube);
  }

  /** Where this context's runs send OpenLineage events; empty: none (a file context without {@code lineage:}). */
  Optional<LineageSettings> lineage() {
    return Optional.ofNullable(lineage);
  }

  /** This context with {@code flink.savepoints}: where deploys and stops write savepoints (a path the cluster writes). */
  Context withSavepoints(String directory) {
    return new Context(name, origin, flinkRest, jobFiles, kafka, registry, topics, directory, lineage, kube);
  }

  /** Where savepoints go, as the cluster sees it; empty: the cluster's {@code execution.checkpointing.savepoint-dir}. */
  Optional<String> savepoints() {
    return Optional.ofNullable(savepoints);
  }

  String name() {
    return name;
  }

  boolean isLocal() {
    return origin == null;
  }

  boolean isKubernetes() {
    return kube != null;
  }

  /** {@code flink} or {@code kubernetes} (the local stack is of kind {@code flink}). */
  String kind() {
    return isKubernetes() ? KUBERNETES : FLINK;
  }

  /** The Kubernetes cluster and resource settings of a context of kind {@code kubernetes}. */
  KubeTarget kube() {
    if (kube == null) {
      throw new CliException("context '" + name + "' is of kind flink" + (isLocal() ? " (the local stack)" : "")
          + "; this needs a context of kind kubernetes (see README \"Kubernetes\")");
    }
    return kube;
  }

  /** The contexts file this context is defined in (empty for {@code local}). */
  Optional<Path> origin() {
    return Optional.ofNullable(origin);
  }

  /** The session cluster's REST URL (not for {@code local}). */
  String flinkRest() {
    return require(flinkRest);
  }

  /**
   * Where {@code run} writes the owner-only client properties files its stage jobs read: a folder the session cluster
   * can read (default: the local stack's {@code .baton/jobs}).
   */
  Optional<Path> jobFiles() {
    return Optional.ofNullable(jobFiles);
  }

  /** Kafka's servers and client settings, unresolved (not for {@code local}). */
  KafkaClientConfig kafka() {
    return require(kafka);
  }

  /** The registry and its client settings, unresolved (not for {@code local}). */
  RegistryConfig registry() {
    return require(registry);
  }

  TopicDefaults topics() {
    return topics;
  }

  private <T> T require(T value) {
    if (kube != null) {
      throw new CliException("context '" + name + "' is of kind kubernetes: its Flink, Kafka and registry are inside"
          + " the cluster; deploy with: baton deploy <pipeline> --context " + name
          + " (other commands need a context of kind flink)");
    }
    if (value == null) {
      throw new IllegalStateException("context '" + name + "' is the local stack; ask the stack for its servers");
    }
    return value;
  }

  /** The name; {@code local} is the local stack. */
  @Override
  public String toString() {
    if (isKubernetes()) {
      return "Context.kubernetes(\"" + name + "\", " + kube + ")";
    }
    return isLocal() ? "Context.LOCAL" : "Context.remote(\"" + name + "\", " + flinkRest + ", " + kafka + ", "
        + registry + ", " + topics + ")" + (lineage == null ? "" : ".withLineage(" + lineage + ")");
  }
}
