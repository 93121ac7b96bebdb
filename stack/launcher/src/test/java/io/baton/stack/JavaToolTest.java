package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaToolTest {
  @TempDir
  Path dir;

  @Test
  void theJavaLauncherHandsTheArgumentFilesArgumentsToMainAndTheFileIsGoneAfterwards() throws Exception {
    Path argFile = dir.resolve("echo.args");
    JavaCommand cmd = JavaCommand.mainClass(EchoArgs.class.getName())
        .classpath(Path.of(EchoArgs.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString())
        .arg("SCRAM-SHA-512=[name=admin,password=x]").arg("two words").arg("back\\slash")
        .argFile(argFile).build();

    String out = JavaTool.run("echo", cmd, dir, Duration.ofSeconds(60));

    assertThat(out.lines()).containsExactly("arg:SCRAM-SHA-512=[name=admin,password=x]", "arg:two words", "arg:back\\slash");
    assertThat(argFile).doesNotExist();
  }
}
