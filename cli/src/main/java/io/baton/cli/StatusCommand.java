package io.baton.cli;

import io.baton.stack.ComponentStatus;
import io.baton.stack.LocalStack;
import io.baton.stack.Ports;
import io.baton.stack.StackException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code baton status}: one line per server, up or down, with its endpoint; for a secure stack also Kafka's security
 * and the admin's client properties file. Exit code 0 either way.
 *
 * <pre>{@code
 * kafka        up    pid 4242   127.0.0.1:9092
 * }</pre>
 */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show which servers of the local stack run.")
final class StatusCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  StackOptions stack;

  @Override
  public Integer call() throws StackException {
    PrintWriter out = spec.commandLine().getOut();
    LocalStack local = new LocalStack(stack.config(Ports.defaults()));
    List<ComponentStatus> all = local.status();
    for (ComponentStatus s : all) {
      out.printf(Locale.ROOT, "%-12s %-5s %-11s %s%n", s.component().id(), s.isUp() ? "up" : "down",
          s.pid().map(p -> "pid " + p).orElse(""), s.endpoint());
    }
    UpCommand.printKafkaSecurity(out, local.endpoints());
    long up = all.stream().filter(ComponentStatus::isUp).count();
    out.println(up == all.size() ? "Baton stack is up (state: " + local.layout().home() + ")"
        : up == 0 ? "Baton stack is down (state: " + local.layout().home() + ")"
        : "Baton stack is partly up; run 'baton down' then 'baton up'");
    out.flush();
    return ExitCodes.OK;
  }
}
