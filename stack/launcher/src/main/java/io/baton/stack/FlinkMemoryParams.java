package io.baton.stack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The heap flags and dynamic options Flink computes from its memory configuration, as printed by
 * {@code BashJavaUtils GET_JM_RESOURCE_PARAMS|GET_TM_RESOURCE_PARAMS}: line 1 JVM flags, line 2 {@code -D} arguments.
 *
 * <pre>{@code
 * FlinkMemoryParams p = FlinkMemoryParams.parse(output);
 * p.jvmFlags();      // [-Xmx469762048, -Xms469762048, -XX:MaxMetaspaceSize=268435456]
 * p.dynamicArgs();   // [-D, jobmanager.memory.off-heap.size=134217728b, ...]
 * }</pre>
 */
final class FlinkMemoryParams {
  static final String PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

  private final List<String> jvmFlags;
  private final List<String> dynamicArgs;

  private FlinkMemoryParams(List<String> jvmFlags, List<String> dynamicArgs) {
    this.jvmFlags = List.copyOf(jvmFlags);
    this.dynamicArgs = List.copyOf(dynamicArgs);
  }

  static FlinkMemoryParams parse(String output) {
    List<String> results = new ArrayList<>();
    for (String line : output.split("\r?\n")) {
      if (line.startsWith(PREFIX)) {
        results.add(line.substring(PREFIX.length()).trim());
      }
    }
    if (results.size() < 2) {
      throw new IllegalArgumentException("expected 2 lines starting with " + PREFIX + " but found " + results.size()
          + " in the output of BashJavaUtils:\n" + output.strip());
    }
    return new FlinkMemoryParams(words(results.get(0)), words(results.get(1)));
  }

  private static List<String> words(String line) {
    return line.isEmpty() ? List.of() : Arrays.asList(line.split("\\s+"));
  }

  List<String> jvmFlags() {
    return jvmFlags;
  }

  List<String> dynamicArgs() {
    return dynamicArgs;
  }

  @Override
  public String toString() {
    return "FlinkMemoryParams[" + String.join(" ", jvmFlags) + " | " + String.join(" ", dynamicArgs) + "]";
  }
}
