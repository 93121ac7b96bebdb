package io.baton.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An Apicurio registry for one test run or benchmark: its own JVM on a free 127.0.0.1 port, started by the same
 * {@link RegistryServer} as {@code baton up} from the checkout's stack/registry-runtime. {@link #start(String)} keeps
 * its state in a new temporary folder that {@link #close()} deletes. A shutdown hook kills it if the JVM ends
 * without {@code close()}. {@link #stop()} and {@link #restart()} make an outage; the schemas stay on disk.
 *
 * <pre>{@code
 * try (ThrowawayRegistry registry = ThrowawayRegistry.start("baton-bench-")) {
 *   registry.url();   // http://127.0.0.1:41234/apis/ccompat/v7
 * }
 * }</pre>
 */
public final class ThrowawayRegistry implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

  private final RegistryServer server;
  private final Path home;
  private final Path ownFolder;
  private final Thread hook;
  private volatile ManagedProcess process;

  private ThrowawayRegistry(RegistryServer server, Path home, Path ownFolder) {
    this.server = server;
    this.home = home;
    this.ownFolder = ownFolder;
    this.hook = new Thread(this::kill, "baton-registry-stop");
  }

  /** Starts a registry in a new temporary folder named {@code folderPrefix...}, on free ports; waits until it answers. */
  public static ThrowawayRegistry start(String folderPrefix) throws IOException, StackException, InterruptedException {
    Path home = Files.createTempDirectory(folderPrefix);
    StackConfig config;
    try {
      config = StackConfig.builder().repo(RepoRoot.locate()).home(home).ports(Ports.freeEphemeral()).build();
    } catch (StackException | RuntimeException e) {
      deleteTree(home); // nothing started: only the folder to clean up
      throw e;
    }
    return start(config, home);
  }

  /** Starts a registry with the state folder and ports of {@code config} (the caller keeps the folder). */
  public static ThrowawayRegistry start(StackConfig config) throws IOException, StackException, InterruptedException {
    return start(config, null);
  }

  private static ThrowawayRegistry start(StackConfig config, Path ownFolder)
      throws IOException, StackException, InterruptedException {
    ThrowawayRegistry registry = new ThrowawayRegistry(new RegistryServer(config), config.home(), ownFolder);
    Runtime.getRuntime().addShutdownHook(registry.hook);
    try {
      Files.createDirectories(config.layout().logsDir());
      registry.restart();
      return registry;
    } catch (IOException | StackException | InterruptedException | RuntimeException e) {
      registry.close();
      throw e;
    }
  }

  /** The Confluent-compatible API root, e.g. {@code http://127.0.0.1:41234/apis/ccompat/v7}. */
  public String url() {
    return server.endpoint();
  }

  /** The state folder: the registry's database under {@code registry/}, its log under {@code logs/}. */
  public Path home() {
    return home;
  }

  /** Stops the registry process; its schemas stay on disk for {@link #restart()}. */
  public void stop() throws InterruptedException {
    ManagedProcess p = process;
    process = null;
    if (p != null) {
      p.stop(STOP_TIMEOUT);
    }
  }

  /** Starts the registry (again) on the same port and waits until it answers. */
  public void restart() throws IOException, StackException, InterruptedException {
    if (process != null) {
      throw new IllegalStateException("registry " + url() + " is running (pid " + process.pid() + "); call stop() first");
    }
    process = server.start();
    server.awaitReady(process, Instant.now().plus(START_TIMEOUT));
  }

  /** Stops the registry and deletes its temporary folder, if it made one. */
  @Override
  public void close() throws InterruptedException {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook runs anyway and finds nothing to kill
    }
    if (ownFolder != null) {
      deleteTree(ownFolder);
    }
  }

  private void kill() {
    ManagedProcess p = process;
    if (p != null) {
      p.handle().destroyForcibly();
    }
  }

  private static void deleteTree(Path dir) {
    List<Path> deepestFirst;
    try (Stream<Path> all = Files.walk(dir)) {
      deepestFirst = all.sorted(Comparator.reverseOrder()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir + "; remove it by hand", e);
    }
    deepestFirst.forEach(p -> p.toFile().delete());
  }

  @Override
  public String toString() {
    ManagedProcess p = process;
    return "ThrowawayRegistry[" + url() + (p == null ? ", stopped" : ", pid " + p.pid()) + "]";
  }
}
