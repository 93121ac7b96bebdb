package io.baton.stack;

import java.nio.file.Path;
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

  public Map<String, String> systemProperties() {
    return Map.of(COMPONENT, component, HOME, home.toString());
  }

  public JavaCommand.Builder applyTo(JavaCommand.Builder b) {
    return b.systemProperty(COMPONENT, component).systemProperty(HOME, home.toString());
  }

  /** True if the process is alive and its command line carries both markers. */
  public boolean matches(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    String cmd = process.info().commandLine().orElse("");
    if (cmd.isEmpty()) {
      cmd = String.join(" ", process.info().arguments().orElse(new String[0]));
    }
    return matches(cmd);
  }

  boolean matches(String commandLine) {
    return commandLine.contains("-D" + COMPONENT + "=" + component + " ")
        && commandLine.contains("-D" + HOME + "=" + home + " ");
  }

  @Override
  public String toString() {
    return "-D" + COMPONENT + "=" + component + " -D" + HOME + "=" + home;
  }
}
