package io.baton.stack.lineage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A JSON-lines file several processes append to: each line goes in with one {@code write} on a channel opened in
 * append mode, as OpenLineage's own file transport (the CLI's) writes its lines. On a local file system the kernel
 * places and writes each such append whole, so lines of the CLI and of the JobManager never interleave.
 *
 * <pre>{@code
 * new JsonLinesFile(Path.of(".baton/lineage/openlineage.jsonl")).append("{\"eventType\":\"ABORT\", ...}");
 * }</pre>
 */
final class JsonLinesFile {
  private final Path file;

  JsonLinesFile(Path file) {
    this.file = file.toAbsolutePath();
  }

  Path path() {
    return file;
  }

  /** Appends {@code line} and a line break; {@code line} must hold none. */
  void append(String line) throws IOException {
    if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("a JSON line must not hold a line break");
    }
    Files.createDirectories(file.getParent());
    ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public String toString() {
    return "JsonLinesFile(" + file + ")";
  }
}
