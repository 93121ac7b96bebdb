package io.baton.bench;

import io.baton.stack.ManagedProcess;
import io.baton.stack.Ports;
import io.baton.stack.RegistryServer;
import io.baton.stack.RepoRoot;
import io.baton.stack.StackConfig;
import io.baton.stack.StackException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real Apicurio registry for one benchmark trial: its own JVM on a free 127.0.0.1 port, state in a
 * temporary folder, started by the same launcher code as {@code baton up}. A shutdown hook stops it if
 * the benchmark JVM ends without {@link #close()}.
 *
 * <pre>{@code
 * try (ApicurioProcess registry = ApicurioProcess.start()) {
 *   RegistryConfig config = RegistryConfig.of(registry.url());
 * }
 * }</pre>
 */
final class ApicurioProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

  private final ManagedProcess process;
  private final String url;
  private final Path home;
  private final Thread hook;

  private ApicurioProcess(ManagedProcess process, String url, Path home) {
    this.process = process;
    this.url = url;
    this.home = home;
    this.hook = new Thread(() -> process.handle().destroyForcibly(), "stop-apicurio-" + process.pid());
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Starts the registry from the checkout's stack/registry-runtime and waits until it answers. */
  static ApicurioProcess start() throws IOException, StackException, InterruptedException {
    Path home = Files.createTempDirectory("baton-bench-");
    RegistryServer server;
    ManagedProcess process;
    try {
      StackConfig config = StackConfig.builder().repo(RepoRoot.locate()).home(home).ports(Ports.freeEphemeral()).build();
      Files.createDirectories(config.layout().logsDir());
      server = new RegistryServer(config);
      process = server.start();
    } catch (IOException | StackException | RuntimeException e) {
      deleteTree(home); // nothing started: only the folder to clean up
      throw e;
    }
    ApicurioProcess started = new ApicurioProcess(process, server.endpoint(), home);
    try {
      server.awaitReady(process, Instant.now().plus(START_TIMEOUT));
      return started;
    } catch (StackException | InterruptedException | RuntimeException e) {
      started.close();
      throw e;
    }
  }

  /** The Confluent-compatible API root, e.g. {@code http://127.0.0.1:41234/apis/ccompat/v7}. */
  String url() {
    return url;
  }

  /** Stops the registry process and deletes its temporary folder. */
  @Override
  public void close() throws InterruptedException {
    process.stop(STOP_TIMEOUT);
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook runs anyway and finds the process gone
    }
    deleteTree(home);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  @Override
  public String toString() {
    return "ApicurioProcess[" + url + ", pid " + process.pid() + "]";
  }
}
