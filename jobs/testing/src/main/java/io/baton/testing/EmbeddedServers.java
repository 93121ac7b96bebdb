package io.baton.testing;

import io.baton.stack.KafkaServer;
import io.baton.stack.LocalServer;
import io.baton.stack.ManagedProcess;
import io.baton.stack.Ports;
import io.baton.stack.RegistryServer;
import io.baton.stack.RepoRoot;
import io.baton.stack.StackConfig;
import io.baton.stack.StackEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * Real servers for tests, on free ports under a temporary folder: a Kafka broker (KRaft) and an
 * Apicurio registry as their own JVMs (the same launcher code as {@code baton up}), and a Flink
 * MiniCluster in this JVM with its web UI.
 */
final class EmbeddedServers implements AutoCloseable {
  private final List<ManagedProcess> processes = new ArrayList<>();
  private RegistryServer registryServer;
  private ManagedProcess registryProcess;
  private final StackEndpoints endpoints;
  private final MiniCluster flink;
  private final Path home;

  private EmbeddedServers(StackEndpoints endpoints, MiniCluster flink, Path home) {
    this.endpoints = endpoints;
    this.flink = flink;
    this.home = home;
  }

  static EmbeddedServers start(int taskSlots) throws Exception {
    Path home = Files.createTempDirectory("baton-test-");
    StackConfig config = StackConfig.builder().repo(RepoRoot.locate()).home(home).ports(Ports.freeEphemeral()).build();
    Files.createDirectories(config.layout().logsDir());
    EmbeddedServers servers = new EmbeddedServers(StackEndpoints.of(config.ports()), miniCluster(taskSlots), home);
    try {
      Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
      servers.registryServer = new RegistryServer(config);
      List<LocalServer> toStart = List.of(new KafkaServer(config), servers.registryServer);
      List<ManagedProcess> started = new ArrayList<>();
      for (LocalServer server : toStart) {
        ManagedProcess p = server.start();
        servers.processes.add(p);
        started.add(p);
      }
      for (int i = 0; i < toStart.size(); i++) {
        toStart.get(i).awaitReady(started.get(i), deadline);
      }
      servers.registryProcess = started.get(1);
      servers.flink.start();
      return servers;
    } catch (Exception e) {
      servers.close();
      throw e;
    }
  }

  private static MiniCluster miniCluster(int taskSlots) {
    Configuration conf = new Configuration();
    conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    conf.set(RestOptions.ADDRESS, "127.0.0.1");
    conf.set(RestOptions.BIND_PORT, "0");
    conf.set(TaskManagerOptions.NUM_TASK_SLOTS, taskSlots);
    // Metrics reach the REST API within half a second (the default is 10 s).
    conf.set(org.apache.flink.configuration.MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, java.time.Duration.ofMillis(500));
    return new MiniCluster(new MiniClusterConfiguration.Builder()
        .setConfiguration(conf).setNumTaskManagers(1).setNumSlotsPerTaskManager(taskSlots).build());
  }

  /** Stops the registry process (its schemas are kept on disk), to test how stages ride out an outage. */
  void stopRegistry() throws InterruptedException {
    registryProcess.stop(Duration.ofSeconds(20));
    processes.remove(registryProcess);
  }

  /** Starts the registry again on the same port and waits until it answers. */
  void startRegistry() throws Exception {
    registryProcess = registryServer.start();
    processes.add(registryProcess);
    registryServer.awaitReady(registryProcess, Instant.now().plus(Duration.ofMinutes(2)));
  }

  StackEndpoints endpoints() {
    return endpoints;
  }

  MiniCluster flink() {
    return flink;
  }

  Path home() {
    return home;
  }

  @Override
  public void close() throws Exception {
    try {
      flink.close();
    } finally {
      for (ManagedProcess p : processes) {
        p.stop(Duration.ofSeconds(20));
      }
    }
  }
}
