package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessArgumentsTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void cmdlineSplitsAtNulBytesAndKeepsSpacesAndEmptyArguments() {
    assertThat(ProcessArguments.fromCmdline(bytes("java\0-Dbaton.home=/my state\0\0x\0")))
        .hasValue(List.of("java", "-Dbaton.home=/my state", "", "x"));
  }

  @Test
  void aCmdlineWithoutFinalNulKeepsItsLastArgument() {
    assertThat(ProcessArguments.fromCmdline(bytes("java\0-version"))).hasValue(List.of("java", "-version"));
  }

  @Test
  void anEmptyCmdlineIsUnreadable() {
    assertThat(ProcessArguments.fromCmdline(new byte[0])).isEmpty();
  }

  @Test
  void thisJvmsArgumentsIncludeItsMainClassOrJar() {
    assertThat(ProcessArguments.of(ProcessHandle.current())).hasValueSatisfying(args ->
        assertThat(args).hasSizeGreaterThan(1));
  }
}
