package io.baton.cli;

import io.baton.flink.deploy.Target;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.stack.Component;
import io.baton.stack.ComponentStatus;
import io.baton.stack.LocalStack;
import io.baton.stack.Ports;
import io.baton.stack.StackEndpoints;
import io.baton.stack.StackException;
import java.nio.file.Path;

/**
 * The running local stack as a deploy target; says how to start it when it is not up. The schema
 * registry is the stack's unless the command was given another one ({@link RegistryOptions}).
 *
 * <pre>{@code
 * Target target = Cluster.running(stackOptions, registryOptions.config(stackOptions)).target();
 * }</pre>
 */
final class Cluster {
  private final StackEndpoints endpoints;
  private final RegistryConfig registry;
  private final Path jobFiles;

  private Cluster(StackEndpoints endpoints, RegistryConfig registry, Path jobFiles) {
    this.endpoints = endpoints;
    this.registry = registry;
    this.jobFiles = jobFiles;
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
    return new Cluster(stack.endpoints(), effective, stack.config().layout().jobFiles());
  }

  StackEndpoints endpoints() {
    return endpoints;
  }

  /** The registry commands and jobs talk to, with its client settings. */
  RegistryConfig registry() {
    return registry;
  }

  Target target() {
    return new Target(endpoints.kafkaBootstrapServers(), registry, endpoints.flinkWebUrl(), "2s", jobFiles);
  }

  String endpoint(Component c) {
    return endpoints.endpointOf(c);
  }
}
