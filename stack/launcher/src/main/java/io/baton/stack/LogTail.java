package io.baton.stack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The last lines of a log file, read from its end so a large log costs nothing.
 *
 * <pre>{@code
 * List<String> lines = LogTail.lastLines(layout.logFile(Component.KAFKA), 20);
 * }</pre>
 */
public final class LogTail {
  private LogTail() {}

  public static List<String> lastLines(Path file, int n) throws IOException {
    if (n <= 0 || !Files.exists(file)) {
      return List.of();
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long length = f.length();
      // Read growing chunks from the end until there are enough lines.
      for (long chunk = 16_384; ; chunk *= 4) {
        long start = Math.max(0, length - chunk);
        byte[] buf = new byte[(int) (length - start)];
        f.seek(start);
        f.readFully(buf);
        List<String> lines = new ArrayList<>(Arrays.asList(new String(buf, StandardCharsets.UTF_8).split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
          lines.remove(lines.size() - 1);
        }
        if (start > 0) {
          lines.remove(0); // probably cut in the middle
        }
        if (lines.size() >= n || start == 0) {
          return List.copyOf(lines.subList(Math.max(0, lines.size() - n), lines.size()));
        }
      }
    }
  }
}
