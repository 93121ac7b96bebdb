package io.baton.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The system properties that mark a JVM as one of this stack's servers, so a recorded pid is only ever stopped if
 * it still belongs to us.
 *
 * <pre>{@code
 * ProcessMarker m = ProcessMarker.of("kafka", layout.home());
 * m.matches(ProcessHandle.of(pid).get());
 * }</pre>
 */
public final class ProcessMarker {
  public static final String COMPONENT = "baton.component";
  public static final String HOME = "baton.home";

  private final String component;
  private final Path home;

  private ProcessMarker(String component, Path home) {
    this.component = component;
    this.home = home;
  }

  public static ProcessMarker of(String component, Path home) {
    return new ProcessMarker(component, home.toAbsolutePath().normalize());
  }

  public static ProcessMarker of(Component component, Path home) {
    return of(component.id(), home);
  }

  /** The marker of one server, e.g. broker {@code kafka-2}. */
  public static ProcessMarker of(ServerId server, Path home) {
    return of(server.id(), home);
  }

  public Map<String, String> systemProperties() {
    return Map.of(COMPONENT, component, HOME, home.toString());
  }

  public JavaCommand.Builder applyTo(JavaCommand.Builder b) {
    return b.systemProperty(COMPONENT, component).systemProperty(HOME, home.toString());
  }

  /** True if the process is alive and its arguments carry both markers, however long its command line. */
  public boolean matches(ProcessHandle process) {
    return process.isAlive() && ProcessArguments.of(process).map(this::matches).orElse(false);
  }

  boolean matches(List<String> arguments) {
    return arguments.contains("-D" + COMPONENT + "=" + component) && arguments.contains(homeArgument(home));
  }

  /**
   * Every live process, of any component, marked with this home: what a test checks is empty after {@code down}.
   *
   * @throws IllegalStateException if this JVM cannot read even its own arguments, so an empty answer would prove
   *     nothing
   */
  public static List<ProcessHandle> allMarkedWith(Path home) {
    if (ProcessArguments.of(ProcessHandle.current()).filter(a -> !a.isEmpty()).isEmpty()) {
      throw new IllegalStateException("cannot read process arguments on this system (not even this JVM's), "
          + "so cannot tell which processes belong to the stack at " + home);
    }
    String marker = homeArgument(home.toAbsolutePath().normalize());
    return ProcessHandle.allProcesses()
        .filter(p -> ProcessArguments.of(p).map(a -> a.contains(marker)).orElse(false))
        .toList();
  }

  private static String homeArgument(Path home) {
    return "-D" + HOME + "=" + home;
  }

  @Override
  public String toString() {
    return "-D" + COMPONENT + "=" + component + " -D" + HOME + "=" + home;
  }
}
