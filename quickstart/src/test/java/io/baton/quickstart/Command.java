package io.baton.quickstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command the integration test runs as a user would (mvn, bin/baton), in a folder, with its output in a log file;
 * a failure quotes the log's end.
 *
 * <pre>{@code
 * Command.in(project, log).env("BATON_REPO", null).run(Duration.ofMinutes(5), "mvn", "-B", "-o", "verify");
 * }</pre>
 */
final class Command {
  private final Path dir;
  private final Path log;
  private final Map<String, String> env = new java.util.HashMap<>();

  private Command(Path dir, Path log) {
    this.dir = dir;
    this.log = log;
  }

  static Command in(Path dir, Path log) {
    return new Command(dir, log);
  }

  /** Sets ({@code value} non-null) or removes a variable of the inherited environment. */
  Command env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Runs to the end; returns what it printed; fails unless it exits 0 within {@code timeout}. */
  String run(Duration timeout, String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    env.forEach((k, v) -> {
      if (v == null) {
        pb.environment().remove(k);
      } else {
        pb.environment().put(k, v);
      }
    });
    long start = Files.exists(log) ? Files.size(log) : 0;
    Files.writeString(log, "\n$ (cd " + dir + " && " + String.join(" ", command) + ")\n",
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    Process p = pb.start();
    boolean ended = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!ended) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    String out = Files.readString(log).substring((int) Math.min(start, Files.size(log)));
    if (!ended || p.exitValue() != 0) {
      List<String> lines = new ArrayList<>(out.lines().toList());
      String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
      throw new AssertionError((ended ? "exit " + p.exitValue() : "no end within " + timeout) + " of "
          + String.join(" ", command) + " in " + dir + "; whole output in " + log + "; its end:\n" + tail);
    }
    return out;
  }
}
