package io.baton.cli;

import io.baton.flink.feed.Demo;
import io.baton.flink.feed.Demos;
import io.baton.stack.LocalStack;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code baton demo}: starts the local stack if needed and plays the registered {@link Demo} on it (the
 * examples register the sensor story, fed generated readings with bad ones among them): runs its
 * pipeline, feeds it and prints what happened to every record.
 *
 * <pre>{@code
 * ./baton demo
 * }</pre>
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the demo pipeline on the local stack with generated input and tell what happened.")
final class DemoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  StackOptions stack;

  @Mixin
  ContextOptions context;

  @Mixin
  RegistryOptions registry;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Demo demo = demo();
    Context where = context.select();
    if (where.isLocal()) {
      registry.config(stack); // a wrong registry option fails before the stack starts
      UpCommand.bringUp(new LocalStack(stack.config(stack.rememberedPorts())), out);
    } else {
      out.println("Context " + where.name() + ": Flink " + where.flinkRest() + ", Kafka " + where.kafka().bootstrapServers());
    }
    out.println();
    try (JobJar jar = JobJar.open(null)) {
      new DemoRunner(Cluster.of(where, stack, registry), jar, out).play(demo);
    }
    return ExitCodes.OK;
  }

  /** The demo on the CLI's class path (the examples jar registers one). */
  private static Demo demo() {
    try {
      return Demos.only(DemoCommand.class.getClassLoader());
    } catch (IllegalStateException e) {
      throw new CliException(e.getMessage(), e);
    }
  }
}
