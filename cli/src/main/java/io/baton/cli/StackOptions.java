package io.baton.cli;

import io.baton.stack.Ports;
import io.baton.stack.RepoRoot;
import io.baton.stack.StackConfig;
import io.baton.stack.StackException;
import io.baton.stack.StackState;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The option every stack command shares: where the stack keeps its state, and with it the ports the stack last ran
 * on, which {@code up} reuses unless given others.
 *
 * <pre>{@code
 * @Mixin StackOptions stack;
 * LocalStack s = new LocalStack(stack.config(Ports.defaults()));
 * }</pre>
 */
final class StackOptions {
  @Option(names = "--home", paramLabel = "<dir>",
      description = "State folder of the local stack (default: <repo>/.baton).")
  Path home;

  /** The stack in this home on {@code ports}, with the Prometheus port it last ran with (first 9249). */
  StackConfig config(Ports ports) throws StackException {
    Path repo = RepoRoot.locate();
    StackConfig config = StackConfig.builder().repo(repo).home(home).ports(ports).build();
    return new StackState(config.layout()).recordedPrometheusPort().map(config::withPrometheusPort).orElse(config);
  }

  /** The ports the stack in this home last ran on (they outlive {@code down}), else the defaults. */
  Ports rememberedPorts() throws StackException {
    return new StackState(config(Ports.defaults()).layout()).recordedPorts().orElse(Ports.defaults());
  }
}
