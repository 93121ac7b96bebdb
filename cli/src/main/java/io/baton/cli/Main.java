package io.baton.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of the {@code baton} command; the launcher script runs this class.
 *
 * <pre>{@code
 * baton up --kafka-port 19092
 * }</pre>
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The full command tree with Baton's error handling, printing to stdout/stderr. */
  public static CommandLine commandLine() {
    return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
  }

  /** The full command tree printing to the given writers (tests capture them). */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new BatonCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler(Main::usageError);
    return cl;
  }

  /** A wrong command line: what is wrong, a suggestion where picocli has one, the usage, exit 2. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println(e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    cl.usage(err);
    err.flush();
    return ExitCodes.USAGE;
  }
}
