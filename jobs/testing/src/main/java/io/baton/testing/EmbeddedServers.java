package io.baton.testing;

import io.baton.stack.KafkaServer;
import io.baton.stack.ManagedProcess;
import io.baton.stack.Ports;
import io.baton.stack.RepoRoot;
import io.baton.stack.StackConfig;
import io.baton.stack.StackEndpoints;
import io.baton.stack.ThrowawayRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

  private ManagedProcess kafka;
  private ThrowawayRegistry registry;
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
      KafkaServer kafkaServer = new KafkaServer(config);
      servers.kafka = kafkaServer.start();
      // The broker starts up while the registry does.
      servers.registry = ThrowawayRegistry.start(config);
      kafkaServer.awaitReady(servers.kafka, deadline);
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
    registry.stop();
  }

  /** Starts the registry again on the same port and waits until it answers. */
  void startRegistry() throws Exception {
    registry.restart();
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
      if (registry != null) {
        registry.close();
      }
      if (kafka != null) {
        kafka.stop(STOP_TIMEOUT);
      }
    }
  }
}
