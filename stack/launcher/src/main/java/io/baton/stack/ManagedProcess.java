package io.baton.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One server JVM of the stack: started from a {@link JavaCommand} with its output appended to a log file, or
 * re-attached by pid. Stopping is graceful first, forcible after a timeout, and takes child processes along.
 *
 * <pre>{@code
 * ManagedProcess kafka = ManagedProcess.start(Component.KAFKA, cmd, workDir, layout.logFile(Component.KAFKA));
 * kafka.stop(Duration.ofSeconds(30));
 * }</pre>
 */
public final class ManagedProcess {
  private final ServerId server;
  private final ProcessHandle handle;
  private final Process process;
  private final Path logFile;

  private ManagedProcess(ServerId server, ProcessHandle handle, Process process, Path logFile) {
    this.server = server;
    this.handle = handle;
    this.process = process;
    this.logFile = logFile;
  }

  /** Starts the command in {@code workDir}; stdout and stderr go to the end of {@code logFile}. */
  public static ManagedProcess start(Component component, JavaCommand command, Path workDir, Path logFile)
      throws IOException {
    return start(ServerId.of(component), command, workDir, logFile);
  }

  /** Starts one server's command (e.g. broker {@code kafka-2}) in {@code workDir}, output to {@code logFile}. */
  public static ManagedProcess start(ServerId server, JavaCommand command, Path workDir, Path logFile)
      throws IOException {
    Files.createDirectories(workDir);
    Files.createDirectories(logFile.getParent());
    Process p = new ProcessBuilder(command.toList())
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .start();
    // Servers never read stdin; closing it keeps no pipe to this JVM.
    p.getOutputStream().close();
    return new ManagedProcess(server, p.toHandle(), p, logFile);
  }

  /** A handle on a server started earlier (by another {@code baton} call). */
  public static ManagedProcess attach(Component component, ProcessHandle handle, Path logFile) {
    return attach(ServerId.of(component), handle, logFile);
  }

  /** A handle on one server started earlier. */
  public static ManagedProcess attach(ServerId server, ProcessHandle handle, Path logFile) {
    return new ManagedProcess(server, handle, null, logFile);
  }

  public Component component() {
    return server.component();
  }

  public ServerId server() {
    return server;
  }

  public long pid() {
    return handle.pid();
  }

  public ProcessHandle handle() {
    return handle;
  }

  public Path logFile() {
    return logFile;
  }

  public boolean isAlive() {
    return handle.isAlive();
  }

  /** The exit code, if this call started the process and it has exited. */
  public Optional<Integer> exitCode() {
    return process != null && !process.isAlive() ? Optional.of(process.exitValue()) : Optional.empty();
  }

  /** Asks the process (and its children) to stop, waits up to {@code timeout}, then kills what is left. */
  public void stop(Duration timeout) throws InterruptedException {
    List<ProcessHandle> children = handle.descendants().toList();
    handle.destroy();
    children.forEach(ProcessHandle::destroy);
    if (!awaitExit(handle, timeout)) {
      handle.destroyForcibly();
      awaitExit(handle, Duration.ofSeconds(10));
    }
    for (ProcessHandle child : children) {
      if (!awaitExit(child, Duration.ofSeconds(5))) {
        child.destroyForcibly();
        awaitExit(child, Duration.ofSeconds(5));
      }
    }
  }

  private static boolean awaitExit(ProcessHandle h, Duration timeout) throws InterruptedException {
    try {
      h.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return !h.isAlive();
    } catch (ExecutionException e) {
      return !h.isAlive();
    }
  }

  @Override
  public String toString() {
    return server.id() + " (pid " + handle.pid() + (handle.isAlive() ? "" : ", exited") + ")";
  }
}
