package io.baton.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The local stack as a whole: Kafka, the schema registry and a Flink session cluster, each its own JVM.
 * {@code up} checks ports first, starts the servers in parallel and reports each as it becomes ready; if one fails
 * it stops the others it started and shows the failing server's last log lines. {@code down} stops only processes
 * that carry this stack's marker.
 *
 * <pre>{@code
 * LocalStack stack = new LocalStack(StackConfig.builder().repo(RepoRoot.locate()).build());
 * UpResult up = stack.up((c, elapsed, endpoint) -> System.out.println(c + " ready"));
 * stack.down();
 * }</pre>
 */
public final class LocalStack {
  static final int FAILURE_LOG_LINES = 20;

  private final StackConfig config;
  private final StackState state;

  public LocalStack(StackConfig config) {
    this.config = config;
    this.state = new StackState(config.layout());
  }

  public StackConfig config() {
    return config;
  }

  public StackLayout layout() {
    return config.layout();
  }

  /** Where the stack runs or would run: the recorded ports if it was started, else the configured ones. */
  public StackEndpoints endpoints() {
    return StackEndpoints.of(state.recordedPorts().orElse(config.ports()));
  }

  /** Starts every server, or says it already runs; returns once all answer. */
  public UpResult up(StartListener listener) throws StackException, InterruptedException {
    long t0 = System.nanoTime();
    Map<Component, ProcessHandle> running = runningNow();
    if (running.size() == Component.values().length) {
      return new UpResult(endpoints(), true, Duration.ZERO);
    }
    if (!running.isEmpty()) {
      throw new StackException("the stack is partly running (up: " + ids(running.keySet()) + "; down: "
          + ids(missing(running)) + "); run 'baton down' first");
    }
    List<String> taken = PortCheck.conflicts(config.ports(), PortCheck::isFree);
    if (!taken.isEmpty()) {
      throw new StackException("cannot start the stack: " + String.join("; ", taken) + "; nothing was started");
    }
    checkRuntimes();
    try {
      prepare();
    } catch (IOException e) {
      throw new StackException("cannot prepare " + config.home() + ": " + e.getMessage(), e);
    }
    startAll(listener, t0);
    return new UpResult(StackEndpoints.of(config.ports()), false, Duration.ofNanos(System.nanoTime() - t0));
  }

  /** Stops every running server of this stack; returns the ones that were running. */
  public List<Component> down() throws StackException, InterruptedException {
    List<ManagedProcess> ours = new ArrayList<>();
    for (Component c : Component.values()) {
      state.running(c).ifPresent(h -> ours.add(ManagedProcess.attach(c, h, layout().logFile(c))));
    }
    stopAll(ours);
    List<String> stillAlive = ours.stream().filter(ManagedProcess::isAlive).map(ManagedProcess::toString).toList();
    if (!stillAlive.isEmpty()) {
      throw new StackException("could not stop " + String.join(", ", stillAlive));
    }
    try {
      forgetAll();
    } catch (IOException e) {
      throw new StackException("stopped the stack but could not clean " + layout().runDir() + ": " + e.getMessage(), e);
    }
    return ours.stream().map(ManagedProcess::component).toList();
  }

  public List<ComponentStatus> status() {
    StackEndpoints endpoints = endpoints();
    List<ComponentStatus> result = new ArrayList<>();
    for (Component c : Component.values()) {
      result.add(new ComponentStatus(c, state.running(c).map(ProcessHandle::pid), endpoints.endpointOf(c)));
    }
    return result;
  }

  public Path logFile(Component c) {
    return layout().logFile(c);
  }

  private Map<Component, ProcessHandle> runningNow() {
    Map<Component, ProcessHandle> running = new EnumMap<>(Component.class);
    for (Component c : Component.values()) {
      state.running(c).ifPresent(h -> running.put(c, h));
    }
    return running;
  }

  private void checkRuntimes() throws StackException {
    List<String> missing = new ArrayList<>();
    requireJar(config.kafkaLib(), "kafka_2.13-", missing);
    requireJar(config.flinkLib(), "flink-runtime-", missing);
    if (!Files.isRegularFile(config.registryDist().resolve(RegistryServer.RUNNER_JAR))) {
      missing.add(config.registryDist().resolve(RegistryServer.RUNNER_JAR).toString());
    }
    if (!missing.isEmpty()) {
      throw new StackException("the local stack is not built (missing " + String.join(", ", missing)
          + "); run 'mvn -B -DskipTests install' in " + config.repo());
    }
  }

  private static void requireJar(Path dir, String prefix, List<String> missing) {
    try (var files = Files.list(dir)) {
      if (files.noneMatch(f -> f.getFileName().toString().startsWith(prefix))) {
        missing.add(dir.resolve(prefix + "*.jar").toString());
      }
    } catch (IOException e) {
      missing.add(dir.toString());
    }
  }

  private void prepare() throws IOException {
    forgetAll();
    Files.createDirectories(layout().logsDir());
    for (Component c : Component.values()) {
      // Keep the previous run's log as <component>.log.1.
      Path log = layout().logFile(c);
      if (Files.exists(log)) {
        Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    state.recordPorts(config.ports());
    new FlinkSessionCluster(config).writeConfig();
  }

  private List<LocalServer> servers() {
    FlinkSessionCluster flink = new FlinkSessionCluster(config);
    return List.of(new KafkaServer(config), new RegistryServer(config), flink.jobManager(), flink.taskManager());
  }

  private void startAll(StartListener listener, long t0) throws StackException, InterruptedException {
    Instant deadline = Instant.now().plus(config.startTimeout());
    List<LocalServer> servers = servers();
    List<ManagedProcess> started = new CopyOnWriteArrayList<>();
    // Each start task reports here: ready or failed, in the order it happens.
    BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(servers.size(), r -> {
      Thread t = new Thread(r, "baton-start");
      t.setDaemon(true);
      return t;
    });
    // Ctrl-C while starting: stop what was started.
    Thread onExit = new Thread(() -> stopQuietly(started));
    Runtime.getRuntime().addShutdownHook(onExit);
    try {
      for (LocalServer server : servers) {
        pool.execute(() -> {
          try {
            ManagedProcess p = server.start();
            started.add(p);
            state.recordPid(server.component(), p.pid());
            server.awaitReady(p, deadline);
            outcomes.add(new Outcome(server, Duration.ofNanos(System.nanoTime() - t0), null));
          } catch (Throwable e) {
            outcomes.add(new Outcome(server, null, e));
          }
        });
      }
      for (int i = 0; i < servers.size(); i++) {
        Outcome o = outcomes.take();
        if (o.failure() != null) {
          pool.shutdownNow();
          pool.awaitTermination(30, TimeUnit.SECONDS);
          stopQuietly(started);
          throw failure(o.server().component(), o.failure());
        }
        listener.ready(o.server().component(), o.elapsed(), o.server().endpoint());
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      stopQuietly(started);
      throw e;
    } finally {
      pool.shutdownNow();
      removeHook(onExit);
    }
  }

  /** One start task's result: ready after {@code elapsed}, or {@code failure}. */
  private record Outcome(LocalServer server, Duration elapsed, Throwable failure) {}

  private void stopQuietly(List<ManagedProcess> processes) {
    try {
      stopAll(processes);
      forgetAll();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      // best effort while failing: the original error is what the user needs to see
    }
  }

  /** Stops all at once (each graceful, then forcible after the stop timeout). */
  private void stopAll(List<ManagedProcess> processes) throws InterruptedException {
    List<Thread> stoppers = new ArrayList<>();
    for (ManagedProcess p : processes) {
      Thread t = new Thread(() -> {
        try {
          p.stop(config.stopTimeout());
        } catch (InterruptedException e) {
          p.handle().destroyForcibly();
        }
      }, "baton-stop-" + p.component().id());
      t.start();
      stoppers.add(t);
    }
    for (Thread t : stoppers) {
      t.join();
    }
  }

  private void forgetAll() throws IOException {
    for (Component c : Component.values()) {
      state.forget(c);
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook runs anyway
    }
  }

  private static List<Component> missing(Map<Component, ProcessHandle> running) {
    List<Component> missing = new ArrayList<>();
    for (Component c : Component.values()) {
      if (!running.containsKey(c)) {
        missing.add(c);
      }
    }
    return missing;
  }

  private static String ids(java.util.Collection<Component> cs) {
    return cs.stream().map(Component::id).collect(Collectors.joining(", "));
  }

  /** The failing server's reason plus its last log lines. */
  private StackException failure(Component component, Throwable cause) {
    String why = cause instanceof StackException ? cause.getMessage() : cause.toString();
    StringBuilder sb = new StringBuilder(component.id() + " failed to start: " + why);
    Path log = layout().logFile(component);
    try {
      List<String> tail = LogTail.lastLines(log, FAILURE_LOG_LINES);
      if (!tail.isEmpty()) {
        sb.append("\nlast ").append(tail.size()).append(" lines of ").append(log).append(':');
        tail.forEach(line -> sb.append("\n  ").append(line));
      }
    } catch (IOException e) {
      sb.append("\n(could not read ").append(log).append(": ").append(e.getMessage()).append(')');
    }
    sb.append("\nthe servers started by this call were stopped");
    return new StackException(sb.toString(), cause);
  }

  @Override
  public String toString() {
    return "LocalStack[" + config + "]";
  }
}
