package io.baton.cli;

import io.baton.stack.LocalStack;
import io.baton.stack.LogTail;
import io.baton.stack.Ports;
import io.baton.stack.ServerId;
import io.baton.stack.StackException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code baton logs <component>}: the last lines of one server's log ({@code kafka-2}: the second broker of a stack
 * started with {@code up --brokers 3}).
 *
 * <pre>{@code
 * baton logs jobmanager -n 100
 * baton logs kafka-3
 * }</pre>
 */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Show the last lines of a server's log.")
final class LogsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  StackOptions stack;

  @Mixin
  ContextOptions context;

  @Parameters(index = "0", paramLabel = "<component>", converter = ComponentConverter.class,
      completionCandidates = ComponentConverter.Candidates.class,
      description = "One of: ${COMPLETION-CANDIDATES}; kafka-2, kafka-3 for the other brokers of 'up --brokers 3'.")
  ServerId component;

  @Option(names = {"-n", "--lines"}, paramLabel = "<lines>", defaultValue = "50",
      description = "How many lines (default: ${DEFAULT-VALUE}).")
  int lines;

  @Override
  public Integer call() throws StackException, IOException {
    context.requireLocal("logs");
    if (lines < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--lines must be at least 1 but was " + lines);
    }
    LocalStack local = new LocalStack(stack.config(Ports.defaults()));
    Path log = local.logFile(component);
    if (!Files.exists(log)) {
      throw new StackException("no log for " + component.id() + " yet (" + log + "); start the stack with 'baton up'");
    }
    PrintWriter out = spec.commandLine().getOut();
    LogTail.lastLines(log, lines).forEach(out::println);
    out.flush();
    return ExitCodes.OK;
  }
}
