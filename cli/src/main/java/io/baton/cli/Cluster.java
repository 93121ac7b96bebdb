package io.baton.cli;

import io.baton.connectors.KafkaClientConfig;
import io.baton.flink.deploy.RetainedCheckpoints;
import io.baton.flink.deploy.Target;
import io.baton.flink.deploy.TopicDefaults;
import io.baton.flink.lineage.LineageSettings;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.stack.Component;
import io.baton.stack.ComponentStatus;
import io.baton.stack.LocalStack;
import io.baton.stack.Ports;
import io.baton.stack.StackEndpoints;
import io.baton.stack.StackException;
import java.nio.file.Path;

/**
 * Where a command's servers are: the running local stack (context {@code local}, which says how to start it when it
 * is not up), or the servers a context of the contexts file names. For the local stack, the schema registry is the
 * stack's unless the command was given another one ({@link RegistryOptions}).
 *
 * <pre>{@code
 * Cluster cluster = Cluster.of(contextOptions.select(), stackOptions, registryOptions);
 * new Deployer(cluster.target(), System.out::println).deploy(plan, jar, false);
 * }</pre>
 */
final class Cluster {
  /** On the local stack: {@code off}, or an OpenLineage client config file; unset: events to the stack's file. */
  static final String LINEAGE_ENV = "BATON_LINEAGE";

  private final Context context;
  private final Target target;
  private final String savepoints;
  private final Path deployments;
  private final LineageSettings lineage;
  private final RetainedCheckpoints checkpoints;

  private Cluster(Context context, Target target, String savepoints, Path deployments, LineageSettings lineage,
      RetainedCheckpoints checkpoints) {
    this.context = context;
    this.target = target;
    this.savepoints = savepoints;
    this.deployments = deployments;
    this.lineage = lineage;
    this.checkpoints = checkpoints;
  }

  /** The servers of {@code context}; {@code registry} options apply to {@code local} only. */
  static Cluster of(Context context, StackOptions stack, RegistryOptions registry) throws StackException {
    if (context.isLocal()) {
      return running(stack, registry == null ? null : registry.config(stack));
    }
    if (registry != null && registry.given()) {
      throw new CliException("--registry-* options apply to the local stack; context '" + context.name()
          + "' sets its registry in " + context.origin().orElseThrow() + " (registry.url, registry.properties)");
    }
    Path jobFiles = context.jobFiles().isPresent() ? context.jobFiles().get()
        : new LocalStack(stack.config(Ports.defaults())).config().layout().jobFiles();
    return new Cluster(context, new Target(context.kafka(), ContextCheck.resolvedRegistry(context, System::getenv),
        context.flinkRest(), "2s", jobFiles, context.topics()), context.savepoints().orElse(null),
        stateFolder(System::getenv).resolve("deployments").resolve(context.name()),
        context.lineage().orElse(LineageSettings.off()), RetainedCheckpoints.none());
  }

  /** The deployment record of {@code pipeline} on {@code context}, without asking its servers. */
  static Path deploymentRecord(Context context, StackOptions stack, String pipeline) throws StackException {
    Path folder = context.isLocal() ? new LocalStack(stack.config(Ports.defaults())).config().layout().deployments()
        : stateFolder(System::getenv).resolve("deployments").resolve(context.name());
    return folder.resolve(pipeline + ".json");
  }

  /** The user's state folder for Baton: {@code $XDG_STATE_HOME/baton}, else {@code ~/.local/state/baton}. */
  static Path stateFolder(java.util.function.Function<String, String> env) {
    String xdg = env.apply("XDG_STATE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
    return base.resolve("baton");
  }

  /** The stack with its own registry, as it is (no credentials). */
  static Cluster running(StackOptions options) throws StackException {
    return running(options, null);
  }

  /** The stack with {@code registry} (null: the stack's own); a registry elsewhere need not run locally. */
  static Cluster running(StackOptions options, RegistryConfig registry) throws StackException {
    LocalStack stack = new LocalStack(options.config(Ports.defaults()));
    RegistryConfig effective = registry != null ? registry : RegistryConfig.of(stack.endpoints().registryUrl());
    boolean localRegistry = effective.url().equals(stack.endpoints().registryUrl());
    for (ComponentStatus s : stack.status()) {
      if (!s.isUp() && (localRegistry || s.component() != Component.REGISTRY)) {
        throw new CliException(s.component().id() + " is not running; start the local stack with: ./baton up");
      }
    }
    StackEndpoints endpoints = stack.endpoints();
    return new Cluster(Context.LOCAL, new Target(localKafka(endpoints), effective,
        endpoints.flinkWebUrl(), "2s", stack.config().layout().jobFiles(), TopicDefaults.brokerDefaults()),
        "file://" + stack.config().layout().savepoints(), stack.config().layout().deployments(),
        localLineage(stack.config().layout().home(), System.getenv(LINEAGE_ENV)),
        RetainedCheckpoints.in(stack.config().layout().checkpoints()));
  }

  /** The local stack's lineage: {@code <home>/lineage/openlineage.jsonl} unless {@code setting} is off or a config file. */
  static LineageSettings localLineage(Path home, String setting) {
    if (setting == null || setting.isBlank()) {
      return LineageSettings.toFile(home.resolve("lineage").resolve("openlineage.jsonl"));
    }
    return setting.trim().equals("off") ? LineageSettings.off() : LineageSettings.fromClientConfig(Path.of(setting.trim()));
  }

  /** How Baton's clients reach the local stack's Kafka: a secure stack's admin client file when it is secure. */
  static KafkaClientConfig localKafka(StackEndpoints endpoints) {
    KafkaClientConfig kafka = KafkaClientConfig.of(endpoints.kafkaBootstrapServers());
    return endpoints.kafkaClientPropertiesFile().map(kafka::withPropertiesFile).orElse(kafka);
  }

  /** The context these servers belong to. */
  Context context() {
    return context;
  }

  /** The registry commands and jobs talk to, with its client settings. */
  RegistryConfig registry() {
    return target.registry();
  }

  /** Kafka's servers and client settings (references resolved where clients are made). */
  KafkaClientConfig kafka() {
    return target.kafka();
  }

  /** The session cluster's REST URL and web UI. */
  String flinkUrl() {
    return target.flinkRestUrl();
  }

  /** Where savepoints go, as the cluster sees the path; null: the cluster's {@code execution.checkpointing.savepoint-dir}. */
  String savepoints() {
    return savepoints;
  }

  /** The deployment record of {@code pipeline} on this context: beside the stack's files for {@code local}. */
  Path deploymentRecord(String pipeline) {
    return deployments.resolve(pipeline + ".json");
  }

  /**
   * Deploys, stops and resumes {@code pipeline}'s stages on these servers; on the local stack a stage whose job went
   * with its JobManager ({@code down}, a crash) resumes from that job's latest retained checkpoint.
   */
  io.baton.flink.deploy.Upgrade upgrade(String pipeline, java.util.function.Consumer<String> progress) {
    return new io.baton.flink.deploy.Upgrade(target, deploymentRecord(pipeline), context.name(), savepoints, progress)
        .withLineage(lineage).withRetainedCheckpoints(checkpoints);
  }

  Target target() {
    return target;
  }

  /** Where runs on these servers send their stage jobs' OpenLineage events. */
  LineageSettings lineage() {
    return lineage;
  }
}
