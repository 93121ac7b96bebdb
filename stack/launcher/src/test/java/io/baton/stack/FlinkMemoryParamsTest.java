package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FlinkMemoryParamsTest {
  @Test
  void readsJvmFlagsAndDynamicArgsAmongLogLines() {
    FlinkMemoryParams p = FlinkMemoryParams.parse("""
        INFO  some log line
        BASH_JAVA_UTILS_EXEC_RESULT:-Xmx469762048 -Xms469762048 -XX:MaxMetaspaceSize=268435456
        INFO  another
        BASH_JAVA_UTILS_EXEC_RESULT:-D jobmanager.memory.off-heap.size=134217728b -D jobmanager.memory.heap.size=469762048b
        """);
    assertThat(p.jvmFlags()).containsExactly("-Xmx469762048", "-Xms469762048", "-XX:MaxMetaspaceSize=268435456");
    assertThat(p.dynamicArgs()).containsExactly("-D", "jobmanager.memory.off-heap.size=134217728b",
        "-D", "jobmanager.memory.heap.size=469762048b");
  }

  @Test
  void missingResultLinesAreReportedWithTheOutput() {
    assertThatThrownBy(() -> FlinkMemoryParams.parse("BASH_JAVA_UTILS_EXEC_RESULT:-Xmx1\nboom"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("expected 2 lines starting with BASH_JAVA_UTILS_EXEC_RESULT: but found 1")
        .hasMessageEndingWith("boom");
  }
}
