package io.baton.cli;

import io.baton.flink.deploy.Target;
import io.baton.stack.Component;
import io.baton.stack.ComponentStatus;
import io.baton.stack.LocalStack;
import io.baton.stack.Ports;
import io.baton.stack.StackEndpoints;
import io.baton.stack.StackException;
import io.baton.schemas.RegistryConfig;

/**
 * The running local stack as a deploy target; says how to start it when it is not up.
 *
 * <pre>{@code
 * Target target = Cluster.running(stackOptions).target();
 * }</pre>
 */
final class Cluster {
  private final StackEndpoints endpoints;

  private Cluster(StackEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  static Cluster running(StackOptions options) throws StackException {
    LocalStack stack = new LocalStack(options.config(Ports.defaults()));
    for (ComponentStatus s : stack.status()) {
      if (!s.isUp()) {
        throw new CliException(s.component().id() + " is not running; start the local stack with: ./baton up");
      }
    }
    return new Cluster(stack.endpoints());
  }

  StackEndpoints endpoints() {
    return endpoints;
  }

  Target target() {
    return new Target(endpoints.kafkaBootstrapServers(), RegistryConfig.of(endpoints.registryUrl()),
        endpoints.flinkWebUrl(), "2s");
  }

  String endpoint(Component c) {
    return endpoints.endpointOf(c);
  }
}
