package io.baton.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder a server only needs while it runs (uploaded jars, blobs, temp files): emptied before each start so it
 * never grows across runs.
 *
 * <pre>{@code
 * ScratchDir.recreate(layout.flinkTmp());   // exists and is empty afterwards
 * }</pre>
 */
final class ScratchDir {
  private ScratchDir() {}

  /** Deletes {@code dir} with everything in it, then creates it again, empty. */
  static void recreate(Path dir) throws IOException {
    if (Files.exists(dir)) {
      List<Path> deepestFirst;
      try (Stream<Path> all = Files.walk(dir)) {
        deepestFirst = all.sorted(Comparator.reverseOrder()).toList();
      }
      for (Path p : deepestFirst) {
        Files.delete(p);
      }
    }
    Files.createDirectories(dir);
  }
}
