package io.baton.cli;

import io.baton.connectors.KafkaClientConfig;
import io.baton.flink.deploy.Target;
import io.baton.flink.deploy.TopicDefaults;
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
  private final Context context;
  private final Target target;

  private Cluster(Context context, Target target) {
    this.context = context;
    this.target = target;
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
        context.flinkRest(), "2s", jobFiles, context.topics()));
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
        endpoints.flinkWebUrl(), "2s", stack.config().layout().jobFiles(), TopicDefaults.brokerDefaults()));
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

  Target target() {
    return target;
  }
}
