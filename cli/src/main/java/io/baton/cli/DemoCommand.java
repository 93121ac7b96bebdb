package io.baton.cli;

import io.baton.schemas.registry.RegistryConfig;
import io.baton.stack.LocalStack;
import io.baton.stack.Ports;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code baton demo}: starts the local stack if needed, runs the sensor story on it, feeds it
 * generated readings with bad ones among them and prints what happened to every record.
 *
 * <pre>{@code
 * ./baton demo
 * }</pre>
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the sensor story on the local stack with generated readings and tell what happened.")
final class DemoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  StackOptions stack;

  @Mixin
  RegistryOptions registry;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    RegistryConfig registryConfig = registry.config(stack);
    UpCommand.bringUp(new LocalStack(stack.config(Ports.defaults())), out);
    out.println();
    try (JobJar jar = JobJar.open(null)) {
      new SensorDemo(Cluster.running(stack, registryConfig), jar, out).run();
    }
    return ExitCodes.OK;
  }
}
