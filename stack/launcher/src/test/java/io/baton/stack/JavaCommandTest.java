package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JavaCommandTest {
  @Test
  void propertiesThenOptionsThenClasspathMainAndArgs() {
    JavaCommand cmd = JavaCommand.mainClass("a.Main").java(Path.of("/jdk/bin/java")).classpath("/lib/*")
        .systemProperty("b", "2").jvmOption("-Xmx1m").systemProperty("a", "1").arg("x").arg("y").build();
    assertThat(cmd).hasToString("/jdk/bin/java -Db=2 -Da=1 -Xmx1m -cp /lib/* a.Main x y");
  }

  @Test
  void jarFormUsesDashJar() {
    JavaCommand cmd = JavaCommand.jar(Path.of("/r/app.jar")).java(Path.of("java")).systemProperty("p", "v").build();
    assertThat(cmd.toList()).containsExactly("java", "-Dp=v", "-jar", "/r/app.jar");
  }

  @Test
  void mainClassWithoutClasspathIsRefused() {
    assertThatThrownBy(() -> JavaCommand.mainClass("a.Main").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("invalid JavaCommand: classpath(String) was not called for main class a.Main");
  }

  @Test
  void withAnArgumentFileTheMainClassAndArgumentsLeaveTheCommandLine() {
    JavaCommand cmd = JavaCommand.mainClass("a.Main").java(Path.of("java")).classpath("/lib/*").systemProperty("p", "v")
        .arg("secret").arg("C:\\dir").argFile(Path.of("/tmp/a.args")).build();
    assertThat(cmd.toList()).containsExactly("java", "-Dp=v", "-cp", "/lib/*", "@/tmp/a.args");
    assertThat(cmd.argFileText()).isEqualTo("\"a.Main\"\n\"secret\"\n\"C:\\\\dir\"\n");
  }

  @Test
  void anArgumentFileCannotHoldQuotes() {
    assertThatThrownBy(() -> JavaCommand.mainClass("a.Main").classpath("/lib/*").arg("a\"b").argFile(Path.of("f")).build())
        .hasMessage("invalid JavaCommand: an argument in an argument file must not hold a quote or a line break");
  }
}
