package io.baton.cli.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.cli.CliRun;
import io.baton.cli.PipelineVariants;
import io.baton.flink.deploy.FlinkRest;
import io.baton.stack.Component;
import io.baton.stack.LocalStack;
import io.baton.stack.Ports;
import io.baton.stack.ProcessMarker;
import io.baton.stack.RepoRoot;
import io.baton.stack.StackConfig;
import io.baton.stack.StackEndpoints;
import io.baton.stack.StackException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The local stack's real processes for a fault test: {@code baton up} on free ports in {@code home}, the fault
 * pipeline's jar, and ways to kill ({@code kill -9}) and start again each server and to watch the stage jobs recover
 * through Flink's REST API. {@link #close} runs {@code baton down} and kills whatever still carries this home's marker.
 *
 * <pre>{@code
 * try (FaultStack stack = FaultStack.up(home)) {
 *   stack.run();                                        // baton run faults --jar <fault jar>
 *   Instant fault = stack.kill(Component.TASKMANAGER);
 *   stack.start(Component.TASKMANAGER);
 *   Duration recovery = stack.awaitRecovered(fault, Duration.ofMinutes(3));
 * }
 * }</pre>
 */
public final class FaultStack implements AutoCloseable {
  public static final Duration WAIT = Duration.ofMinutes(3);

  private final Path home;
  private final Ports ports;
  private final StackEndpoints endpoints;
  private final LocalStack local;
  private final FlinkRest flink;
  private Path jar;

  private FaultStack(Path home, Ports ports) throws StackException {
    this.home = home;
    this.ports = ports;
    this.endpoints = StackEndpoints.of(ports);
    this.local = new LocalStack(StackConfig.builder().repo(RepoRoot.locate()).home(home).ports(ports).build());
    this.flink = new FlinkRest(endpoints.flinkWebUrl());
  }

  /**
   * {@code baton up} in {@code home} on free ports (Prometheus included); a second try if the first fails (on a loaded
   * machine a server may miss its start timeout; the fault under test comes later), else fails the test.
   */
  public static FaultStack up(Path home) throws Exception {
    FaultStack stack = new FaultStack(home, Ports.freeEphemeral());
    try {
      stack.up();
    } catch (IllegalStateException first) {
      System.out.println("first baton up failed, trying once more: " + first.getMessage().lines().limit(3).toList());
      stack.close();
      stack.up();
    }
    return stack;
  }

  /** {@code baton up} again on the same ports (after {@code baton down}). */
  public void up() throws IOException {
    CliRun up = baton("up", "--kafka-port", "" + ports.kafka(), "--kafka-controller-port", "" + ports.kafkaController(),
        "--registry-port", "" + ports.registry(), "--flink-port", "" + ports.flinkRest(), "--flink-rpc-port",
        "" + ports.flinkRpc(), "--prometheus-port", "" + freePort());
    require(up, "up");
  }

  public Path home() {
    return home;
  }

  public StackEndpoints endpoints() {
    return endpoints;
  }

  public LocalStack local() {
    return local;
  }

  public FlinkRest flink() {
    return flink;
  }

  /** A feeder of the fault pipeline's input on this stack. */
  public Feeder feed(Feeder.Plan plan) {
    return Feeder.start(endpoints.kafkaBootstrapServers(), endpoints.registryUrl(), plan);
  }

  /** A checker of the fault pipeline's output on this stack. */
  public Checker checker() {
    return new Checker(endpoints.kafkaBootstrapServers(), endpoints.registryUrl());
  }

  /** Runs a baton command on this stack, in this JVM, as a user would. */
  public CliRun baton(String... args) {
    return CliRun.at(home, args);
  }

  /** The fault pipeline's job jar: the example jar plus {@link FaultPipeline}. */
  public Path jar() throws Exception {
    if (jar == null) {
      jar = PipelineVariants.examplesPlus(Files.createDirectories(home.resolve("faults-jar")).resolve("faults.jar"),
          List.of(FaultPipeline.class), FaultPipeline.class.getName());
    }
    return jar;
  }

  /** {@code baton run faults --jar <fault jar>}, then waits until both stages run with a completed checkpoint. */
  public CliRun run() throws Exception {
    CliRun run = baton("run", FaultPipeline.NAME, "--jar", jar().toString());
    require(run, "run " + FaultPipeline.NAME);
    awaitRecovered(Instant.EPOCH, WAIT);
    return run;
  }

  /** The running server's pid. */
  public long pid(Component c) {
    return local.status().stream().filter(s -> s.component() == c).findFirst().orElseThrow().pid()
        .orElseThrow(() -> new IllegalStateException(c.id() + " does not run"));
  }

  /** Kills the server with {@code kill -9}; returns when it happened. */
  public Instant kill(Component c) throws StackException, InterruptedException {
    Instant at = Instant.now();
    local.kill(c).orElseThrow(() -> new IllegalStateException(c.id() + " did not run"));
    return at;
  }

  /**
   * Starts the server again on its ports; returns once it answers (a TaskManager: once the JobManager lists one it did
   * not list before; a JobManager: once the running TaskManager registered with it and offers slots).
   */
  public long start(Component c) throws Exception {
    Set<String> before = c == Component.TASKMANAGER ? taskManagerIds() : Set.of();
    long pid = local.start(c);
    if (c == Component.TASKMANAGER) {
      Waits.until("a new task manager registered", WAIT, () -> !before.containsAll(taskManagerIds()));
    }
    if (c == Component.JOBMANAGER && local.status().stream().anyMatch(s -> s.component() == Component.TASKMANAGER
        && s.isUp())) {
      Waits.until("the task manager registered with the new job manager", WAIT,
          () -> flink.get("overview").path("slots-available").asInt() > 0);
    }
    return pid;
  }

  private Set<String> taskManagerIds() throws IOException {
    Set<String> ids = new HashSet<>();
    flink.get("taskmanagers").path("taskmanagers").forEach(tm -> ids.add(tm.path("id").asText()));
    return ids;
  }

  /** The running jobs of the fault pipeline by stage. */
  public Map<String, String> runningJobs() throws IOException {
    Map<String, String> jobs = new LinkedHashMap<>();
    for (FlinkRest.Job j : flink.jobs()) {
      if (j.name().startsWith(FaultPipeline.NAME + "/") && j.state().equals("RUNNING")) {
        jobs.put(j.name().substring(FaultPipeline.NAME.length() + 1), j.id());
      }
    }
    return jobs;
  }

  /**
   * Waits until both stages' jobs run and each completed a checkpoint after {@code fault}; returns the time from
   * {@code fault} to the later of those checkpoints (as Flink timed them).
   */
  public Duration awaitRecovered(Instant fault, Duration timeout) throws TimeoutException, InterruptedException {
    long[] recoveredAt = {0};
    Waits.until("both stages running with a checkpoint completed after " + fault, timeout, () -> {
      Map<String, String> jobs = runningJobs();
      if (!jobs.keySet().containsAll(List.of(FaultPipeline.ACCEPT, FaultPipeline.BATCHES))) {
        return false;
      }
      long latest = 0;
      for (String id : jobs.values()) {
        JsonNode completed = flink.get("jobs/" + id + "/checkpoints").path("latest").path("completed");
        long at = completed.path("latest_ack_timestamp").asLong(0);
        if (completed.isMissingNode() || completed.isNull() || at <= fault.toEpochMilli()) {
          return false;
        }
        latest = Math.max(latest, at);
      }
      recoveredAt[0] = latest;
      return true;
    });
    return Duration.ofMillis(Math.max(0, recoveredAt[0] - fault.toEpochMilli()));
  }

  /** {@code baton down}, then kills anything of this home that is still alive. */
  @Override
  public void close() {
    CliRun down = baton("down");
    if (down.exitCode() != 0) {
      System.out.println("baton down: " + down.err());
    }
    for (ProcessHandle p : ProcessMarker.allMarkedWith(home)) {
      p.destroyForcibly();
    }
  }

  static void require(CliRun run, String what) {
    if (run.exitCode() != 0) {
      throw new IllegalStateException("baton " + what + " exited " + run.exitCode() + ":\n" + run.out() + run.err());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
