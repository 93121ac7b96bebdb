package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
  void aStartedProcessHasExactlyTheArgumentsItWasGiven() throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    String classpath = Path.of(Idle.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    List<String> command = List.of(java, "-Xmx16m", "-Dbaton.note=with space", "-cp", classpath,
        Idle.class.getName(), "", "last");
    Process idle = new ProcessBuilder(command).start();
    try {
      assertThat(ProcessArguments.of(idle.toHandle())).hasValue(command);
    } finally {
      idle.destroyForcibly();
    }
  }

  @Test
  void aProcessThatIsGoneHasNoArguments() throws Exception {
    Process done = new ProcessBuilder("true").start();
    done.waitFor();
    assertThat(ProcessArguments.of(done.toHandle())).isEmpty();
  }
}
