package io.baton.cli;

import io.baton.stack.LocalStack;
import io.baton.stack.Ports;
import io.baton.stack.ServerId;
import io.baton.stack.StackException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code baton down}: stops the local stack's processes (only ones it started, checked by their marker).
 *
 * <pre>{@code
 * baton down
 * }</pre>
 */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stop the local stack.")
final class DownCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  StackOptions stack;

  @Mixin
  ContextOptions context;

  @Override
  public Integer call() throws StackException, InterruptedException {
    context.requireLocal("down");
    PrintWriter out = spec.commandLine().getOut();
    LocalStack local = new LocalStack(stack.config(Ports.defaults()));
    long t0 = System.nanoTime();
    List<ServerId> stopped = local.down();
    if (stopped.isEmpty()) {
      out.println("Nothing is running (state: " + local.layout().home() + ")");
    } else {
      out.println("Stopped " + stopped.stream().map(ServerId::id).collect(Collectors.joining(", "))
          + " after " + UpCommand.seconds(java.time.Duration.ofNanos(System.nanoTime() - t0)));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
