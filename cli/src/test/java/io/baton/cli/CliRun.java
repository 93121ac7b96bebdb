package io.baton.cli;

import io.baton.stack.Ports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;

/** Runs the baton command tree in this JVM and keeps what it printed (public for the fault tests in {@code faults}). */
public record CliRun(int exitCode, String out, String err) {
  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Runs a command on the stack whose state is in {@code home}. */
  public static CliRun at(Path home, String... args) {
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--home";
    all[args.length + 1] = home.toString();
    return of(all);
  }

  /** {@code baton up} in {@code home} on {@code ports}. */
  public static CliRun up(Path home, Ports ports) {
    return at(home, "up", "--kafka-port", "" + ports.kafka(), "--kafka-controller-port", "" + ports.kafkaController(),
        "--registry-port", "" + ports.registry(), "--flink-port", "" + ports.flinkRest(), "--flink-rpc-port", "" + ports.flinkRpc());
  }
}
