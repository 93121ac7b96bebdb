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
    return cl;
  }
}
