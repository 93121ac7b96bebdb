package io.baton.testing;

import io.baton.stack.KafkaServer;
import io.baton.stack.ManagedProcess;
import io.baton.stack.Ports;
import io.baton.stack.RegistryServer;
import io.baton.stack.RepoRoot;
import io.baton.stack.ServerLibs;
import io.baton.stack.StackConfig;
import io.baton.stack.ThrowawayRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * Real servers for tests, on free ports under a temporary folder: a Kafka broker (KRaft), an Apicurio registry as
 * its own JVM, and a Flink MiniCluster in this JVM with its web UI.
 *
 * <p>Inside a Baton checkout (or with {@code BATON_REPO} set) the broker runs as its own JVM from the checkout's
 * stack/kafka-runtime, the same launcher code as {@code baton up}. Anywhere else, e.g. in a project generated from
 * {@code io.baton:baton-quickstart}, everything comes from Maven artifacts: the broker runs in this JVM (Kafka's
 * {@code KafkaClusterTestKit}) and the registry from {@code io.apicurio:apicurio-registry-app:<version>:zip:all}
 * found in the Maven local repository and unpacked once under {@code java.io.tmpdir}.
 */
final class EmbeddedServers implements AutoCloseable {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

  private Broker broker;
  private ThrowawayRegistry registry;
  private final MiniCluster flink;
  private final Path home;

  private EmbeddedServers(MiniCluster flink, Path home) {
    this.flink = flink;
    this.home = home;
  }

  static EmbeddedServers start(int taskSlots) throws Exception {
    Path home = Files.createTempDirectory("baton-test-");
    Optional<Path> checkout = RepoRoot.find();
    ServerLibs libs = checkout.isPresent() ? ServerLibs.of(checkout.get()) : fromMaven(home);
    StackConfig config = StackConfig.builder().libs(libs).home(home).ports(Ports.freeEphemeral()).build();
    Files.createDirectories(config.layout().logsDir());
    EmbeddedServers servers = new EmbeddedServers(miniCluster(taskSlots), home);
    try {
      Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
      // The broker starts up while the registry does.
      Broker.Starting starting = checkout.isPresent() ? Broker.process(config) : Broker.inThisJvm();
      servers.registry = ThrowawayRegistry.start(config);
      servers.broker = starting.awaitReady(deadline);
      servers.flink.start();
      return servers;
    } catch (Exception e) {
      servers.close();
      throw e;
    }
  }

  /** The registry from the Maven repository; Kafka runs in this JVM and Flink is the MiniCluster, so no classpaths. */
  private static ServerLibs fromMaven(Path home) throws Exception {
    Path zip = MavenRepository.current().require("io.apicurio", "apicurio-registry-app", RegistryServer.version(), "all", "zip");
    Path registry = MavenRepository.unpackOnce(zip, Path.of(System.getProperty("java.io.tmpdir"), "baton-test-servers"));
    return ServerLibs.of(home, home.resolve("no-kafka-classpath"), home.resolve("no-flink-classpath"), registry);
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

  String bootstrapServers() {
    return broker.bootstrapServers();
  }

  String registryUrl() {
    return registry.url();
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
      try {
        if (registry != null) {
          registry.close();
        }
      } finally {
        if (broker != null) {
          broker.close();
        }
      }
    }
  }

  /** The Kafka broker of a test run: a process from the checkout or a KRaft node in this JVM. */
  private interface Broker extends AutoCloseable {
    String bootstrapServers();

    /** A broker on its way up. */
    interface Starting {
      Broker awaitReady(Instant deadline) throws Exception;
    }

    static Starting process(StackConfig config) throws Exception {
      KafkaServer server = new KafkaServer(config);
      ManagedProcess process = server.start();
      return deadline -> {
        try {
          server.awaitReady(process, deadline);
        } catch (Exception e) {
          process.stop(STOP_TIMEOUT);
          throw e;
        }
        return new Broker() {
          @Override
          public String bootstrapServers() {
            return server.endpoint();
          }

          @Override
          public void close() throws InterruptedException {
            process.stop(STOP_TIMEOUT);
          }
        };
      };
    }

    static Starting inThisJvm() {
      return deadline -> {
        InJvmKafka kafka = InJvmKafka.start();
        return new Broker() {
          @Override
          public String bootstrapServers() {
            return kafka.bootstrapServers();
          }

          @Override
          public void close() throws Exception {
            kafka.close();
          }
        };
      };
    }
  }
}
