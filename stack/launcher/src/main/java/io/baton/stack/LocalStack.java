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
import java.util.Optional;
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
 * <p>Kafka's security ({@link KafkaSecurity}) is chosen when its storage is formatted: {@link StackConfig#secure()}
 * on the first {@code up} of a state folder. Later starts keep it, secure or plain, whatever the config asks; asking
 * for secure on a stack formatted plain is refused (its data has no SCRAM users), as the way back needs a fresh
 * state folder too.
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
  private final StackSecrets secrets;

  public LocalStack(StackConfig config) {
    this.config = config;
    this.state = new StackState(config.layout());
    this.secrets = new StackSecrets(config.layout());
  }

  public StackConfig config() {
    return config;
  }

  public StackLayout layout() {
    return config.layout();
  }

  /** Where the stack runs or would run: the recorded ports if it was started, else the configured ones. */
  public StackEndpoints endpoints() {
    return endpoints(state.recordedPorts().orElse(config.ports()), kafkaSecurityOrPlain());
  }

  private StackEndpoints endpoints(Ports ports, KafkaSecurity security) {
    return security == KafkaSecurity.SCRAM ? StackEndpoints.secure(ports, layout().adminClientProperties())
        : StackEndpoints.of(ports);
  }

  /** The Prometheus reporters' URLs (JobManager, TaskManager): as recorded by the last start, else as configured. */
  public List<String> prometheusUrls() {
    return FlinkSessionCluster.prometheusUrls(state.recordedPrometheusPort().orElse(config.prometheusPort()));
  }

  /**
   * Kafka's security: what its storage was formatted with, else (not formatted yet) what the config asks for.
   *
   * @throws StackException if the recorded security cannot be read
   */
  public KafkaSecurity kafkaSecurity() throws StackException {
    try {
      return state.kafkaSecurity().orElse(config.secure() ? KafkaSecurity.SCRAM : KafkaSecurity.PLAIN);
    } catch (IOException e) {
      throw new StackException("cannot read how Kafka's storage was formatted: " + e.getMessage(), e);
    }
  }

  private KafkaSecurity kafkaSecurityOrPlain() {
    try {
      return kafkaSecurity();
    } catch (StackException e) {
      return KafkaSecurity.PLAIN; // status still shows the servers; up reports the damaged file
    }
  }

  /** Starts every server, or says it already runs; returns once all answer. */
  public UpResult up(StartListener listener) throws StackException, InterruptedException {
    long t0 = System.nanoTime();
    KafkaSecurity security = securityForUp();
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
    int prometheus = freePrometheusPort();
    if (prometheus != config.prometheusPort()) {
      return new LocalStack(config.withPrometheusPort(prometheus)).up(listener);
    }
    ScramClient admin;
    try {
      admin = prepare(security);
    } catch (IOException e) {
      throw new StackException("cannot prepare " + config.home() + ": " + e.getMessage(), e);
    }
    startAll(servers(admin), listener, t0);
    return new UpResult(endpoints(config.ports(), security), false, Duration.ofNanos(System.nanoTime() - t0));
  }

  /** The first port from the configured one that is free, with the next one, and used by no other server. */
  private int freePrometheusPort() throws StackException {
    int first = config.prometheusPort();
    for (int port = first; port < Math.min(first + 100, 65535); port += 2) {
      boolean clash = config.ports().byUse().containsValue(port) || config.ports().byUse().containsValue(port + 1);
      if (!clash && PortCheck.isFree(port) && PortCheck.isFree(port + 1)) {
        return port;
      }
    }
    throw new StackException("no two free ports for Flink's Prometheus reporter in " + first + ".." + (first + 99)
        + "; pass another with --prometheus-port; nothing was started");
  }

  /** The security this up starts Kafka with; refuses a switch the formatted storage cannot make. */
  private KafkaSecurity securityForUp() throws StackException {
    KafkaSecurity security = kafkaSecurity();
    if (config.secure() && security == KafkaSecurity.PLAIN) {
      throw new StackException("the stack in " + layout().home() + " was set up plain: its Kafka data has no SCRAM"
          + " users and no ACLs, so it cannot start secure; nothing was started. For a secure stack use a fresh state"
          + " folder: delete " + layout().home() + " (its topics, schemas and checkpoints go with it) or pass --home"
          + " <another folder>");
    }
    if (security == KafkaSecurity.SCRAM && state.kafkaFormatted() && !Files.isRegularFile(layout().adminPassword())) {
      throw new StackException("the stack in " + layout().home() + " was set up secure but its Kafka admin password "
          + layout().adminPassword() + " is gone; nothing was started. Restore that file, or delete "
          + layout().home() + " for a fresh stack");
    }
    return security;
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

  /**
   * Kills one running server at once ({@code kill -9}: no shutdown hooks, nothing flushed), as a crash would, and
   * forgets its pid; the others keep running. Returns the killed pid, empty when it was not running.
   *
   * @throws StackException if it is still alive after the kill
   */
  public Optional<Long> kill(Component c) throws StackException, InterruptedException {
    Optional<ProcessHandle> running = state.running(c);
    if (running.isEmpty()) {
      return Optional.empty();
    }
    ProcessHandle h = running.get();
    h.destroyForcibly();
    try {
      h.onExit().get(config.stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      if (h.isAlive()) {
        throw new StackException("could not kill " + c.id() + " (pid " + h.pid() + ")", e);
      }
    }
    try {
      state.forget(c);
    } catch (IOException e) {
      throw new StackException("killed " + c.id() + " but could not forget its pid: " + e.getMessage(), e);
    }
    return Optional.of(h.pid());
  }

  /**
   * Starts one server of a stack started before (by {@link #up}), on the ports and with the configuration that
   * {@code up} recorded, e.g. after {@link #kill}; returns its pid once it answers. Its data (Kafka's log, the
   * registry's database, checkpoints) is where that server left it.
   *
   * @throws StackException if it already runs, the stack was never started here, or it does not come up
   */
  public long start(Component c) throws StackException, InterruptedException {
    Optional<ProcessHandle> running = state.running(c);
    if (running.isPresent()) {
      throw new StackException(c.id() + " already runs (pid " + running.get().pid() + ")");
    }
    Optional<Ports> ports = state.recordedPorts();
    if (ports.isEmpty() || !Files.isRegularFile(layout().flinkConf().resolve("config.yaml"))) {
      throw new StackException("cannot start " + c.id() + " alone: the stack in " + layout().home()
          + " was never started; run 'baton up' first");
    }
    StackConfig recorded = config.withPorts(ports.get())
        .withPrometheusPort(state.recordedPrometheusPort().orElse(config.prometheusPort()));
    LocalServer server;
    try {
      server = switch (c) {
        case KAFKA -> kafkaSecurity() == KafkaSecurity.SCRAM
            ? KafkaServer.secure(recorded, secrets.prepareAdmin()) : new KafkaServer(recorded);
        case REGISTRY -> new RegistryServer(recorded);
        case JOBMANAGER -> new FlinkSessionCluster(recorded).jobManager();
        case TASKMANAGER -> new FlinkSessionCluster(recorded).taskManager();
      };
    } catch (IOException e) {
      throw new StackException("cannot prepare " + c.id() + ": " + e.getMessage(), e);
    }
    ManagedProcess p;
    try {
      p = server.start();
      state.recordPid(c, p.pid());
    } catch (IOException e) {
      throw new StackException("cannot start " + c.id() + ": " + e.getMessage(), e);
    }
    try {
      server.awaitReady(p, Instant.now().plus(config.startTimeout()));
    } catch (StackException e) {
      p.stop(config.stopTimeout());
      try {
        state.forget(c);
      } catch (IOException ignored) {
        // the pid no longer matches a live marked process, so it counts as not running anyway
      }
      throw failure(c, e);
    }
    return p.pid();
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

  /** Cleans the run folder, keeps last logs, writes configs; secure: the admin (created once) and its client file. */
  private ScramClient prepare(KafkaSecurity security) throws IOException {
    forgetAll();
    Files.createDirectories(layout().logsDir());
    for (Component c : Component.values()) {
      // Keep the previous run's log as <component>.log.1.
      Path log = layout().logFile(c);
      if (Files.exists(log)) {
        Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    ScramClient admin = null;
    if (security == KafkaSecurity.SCRAM) {
      admin = secrets.prepareAdmin();
    }
    state.recordPorts(config.ports(), security);
    state.recordPrometheusPort(config.prometheusPort());
    new FlinkSessionCluster(config).writeConfig();
    return admin;
  }

  /** The servers; Kafka secure when there is an admin. Registry and Flink never talk to Kafka: they stay as they are. */
  private List<LocalServer> servers(ScramClient admin) {
    FlinkSessionCluster flink = new FlinkSessionCluster(config);
    KafkaServer kafka = admin == null ? new KafkaServer(config) : KafkaServer.secure(config, admin);
    return List.of(kafka, new RegistryServer(config), flink.jobManager(), flink.taskManager());
  }

  private void startAll(List<LocalServer> servers, StartListener listener, long t0)
      throws StackException, InterruptedException {
    Instant deadline = Instant.now().plus(config.startTimeout());
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
