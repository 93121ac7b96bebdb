package io.baton.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short-lived JVM (Kafka's storage format, Flink's memory calculator) to completion. A command with an
 * argument file gets that file written owner-only before the run and deleted after it.
 *
 * <pre>{@code
 * String out = JavaTool.run("flink memory", cmd, workDir, Duration.ofSeconds(60));
 * }</pre>
 */
final class JavaTool {
  private JavaTool() {}

  /** Runs the command and returns its combined output; a non-zero exit or a timeout is a {@link StackException}. */
  static String run(String what, JavaCommand command, Path workDir, Duration timeout)
      throws IOException, InterruptedException, StackException {
    Files.createDirectories(workDir);
    Path out = Files.createTempFile("baton-tool", ".out");
    if (command.argFile().isPresent()) {
      OwnerOnlyFile.write(command.argFile().get(), command.argFileText());
    }
    try {
      Process p = new ProcessBuilder(command.toList())
          .directory(workDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(out.toFile())
          .start();
      p.getOutputStream().close();
      boolean done;
      try {
        done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        p.destroyForcibly(); // never leave a helper JVM behind
        throw e;
      }
      if (!done) {
        p.destroyForcibly().waitFor();
        throw new StackException(what + " did not finish within " + timeout.toSeconds() + " s");
      }
      String output = Files.readString(out, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new StackException(what + " failed (exit " + p.exitValue() + "):\n" + lastLines(output, 20));
      }
      return output;
    } finally {
      Files.deleteIfExists(out);
      if (command.argFile().isPresent()) {
        Files.deleteIfExists(command.argFile().get());
      }
    }
  }

  private static String lastLines(String output, int n) {
    String[] lines = output.split("\r?\n");
    StringBuilder sb = new StringBuilder();
    for (int i = Math.max(0, lines.length - n); i < lines.length; i++) {
      sb.append("  ").append(lines[i]).append('\n');
    }
    return sb.toString().stripTrailing();
  }
}
