package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {
  @TempDir
  Path tmp;

  @Test
  void returnsTheLastLinesOfALargeFile() throws Exception {
    Path log = tmp.resolve("big.log");
    Files.writeString(log, IntStream.range(0, 100_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n")));
    assertThat(LogTail.lastLines(log, 3)).containsExactly("line 99997", "line 99998", "line 99999");
  }

  @Test
  void aShortFileGivesAllItsLines() throws Exception {
    Path log = Files.writeString(tmp.resolve("small.log"), "a\nb");
    assertThat(LogTail.lastLines(log, 20)).containsExactly("a", "b");
  }

  @Test
  void aMissingFileHasNoLines() throws Exception {
    assertThat(LogTail.lastLines(tmp.resolve("none.log"), 20)).isEmpty();
  }
}
