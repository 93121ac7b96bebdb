package io.baton.stack;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A process's full argument list. On Linux it is read from {@code /proc/<pid>/cmdline}, because JDK 17's
 * {@link ProcessHandle.Info} cuts a command line at 4096 bytes and then reports no arguments at all; elsewhere it
 * falls back to {@link ProcessHandle.Info}.
 *
 * <pre>{@code
 * ProcessArguments.of(ProcessHandle.current());   // Optional[[/usr/bin/java, -Xmx1g, ...]]
 * }</pre>
 */
final class ProcessArguments {
  private static final Path PROC = Path.of("/proc");

  private ProcessArguments() {}

  /** The arguments, the program first; empty if they cannot be read (another user's process, a zombie, gone). */
  static Optional<List<String>> of(ProcessHandle process) {
    if (Files.isDirectory(PROC)) {
      try {
        return fromCmdline(Files.readAllBytes(PROC.resolve(Long.toString(process.pid())).resolve("cmdline")));
      } catch (NoSuchFileException e) {
        return Optional.empty(); // the process is gone
      } catch (IOException e) {
        // unreadable here: ask the JDK below
      }
    }
    return fromInfo(process.info());
  }

  /** Splits {@code /proc/<pid>/cmdline}: arguments separated and ended by NUL bytes. */
  static Optional<List<String>> fromCmdline(byte[] cmdline) {
    if (cmdline.length == 0) {
      return Optional.empty();
    }
    List<String> args = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < cmdline.length; i++) {
      if (cmdline[i] == 0) {
        args.add(new String(cmdline, start, i - start, Charset.defaultCharset()));
        start = i + 1;
      }
    }
    if (start < cmdline.length) {
      args.add(new String(cmdline, start, cmdline.length - start, Charset.defaultCharset())); // no final NUL
    }
    return Optional.of(args);
  }

  private static Optional<List<String>> fromInfo(ProcessHandle.Info info) {
    if (info.command().isPresent() && info.arguments().isPresent()) {
      List<String> args = new ArrayList<>(List.of(info.command().get()));
      args.addAll(Arrays.asList(info.arguments().get()));
      return Optional.of(args);
    }
    // Possibly cut short; arguments with spaces split apart.
    return info.commandLine().filter(c -> !c.isEmpty()).map(c -> List.of(c.split(" ")));
  }
}
