package io.baton.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one JVM) on 127.0.0.1.
 * The storage is formatted on the first start only, so topics survive {@code down}/{@code up}.
 *
 * <pre>{@code
 * KafkaServer kafka = new KafkaServer(config);
 * ManagedProcess p = kafka.start();
 * kafka.awaitReady(p, deadline);      // an AdminClient describeCluster answered
 * }</pre>
 */
public final class KafkaServer implements LocalServer {
  static final String MAIN_CLASS = "kafka.Kafka";
  static final String STORAGE_TOOL = "kafka.tools.StorageTool";
  static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx512m", "-XX:+UseG1GC",
      "-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35", "-Djava.awt.headless=true");

  private final StackConfig config;

  public KafkaServer(StackConfig config) {
    this.config = config;
  }

  @Override
  public Component component() {
    return Component.KAFKA;
  }

  @Override
  public String endpoint() {
    return bootstrapServers(config.ports());
  }

  public static String bootstrapServers(Ports ports) {
    return "127.0.0.1:" + ports.kafka();
  }

  /** The broker's server.properties, in a stable order. */
  static Map<String, String> settings(StackConfig config) {
    Ports ports = config.ports();
    Map<String, String> s = new LinkedHashMap<>();
    s.put("process.roles", "broker,controller");
    s.put("node.id", "1");
    s.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + ports.kafkaController());
    s.put("listeners", "PLAINTEXT://127.0.0.1:" + ports.kafka() + ",CONTROLLER://127.0.0.1:" + ports.kafkaController());
    s.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + ports.kafka() + ",CONTROLLER://127.0.0.1:" + ports.kafkaController());
    s.put("inter.broker.listener.name", "PLAINTEXT");
    s.put("controller.listener.names", "CONTROLLER");
    s.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    s.put("log.dirs", config.layout().kafkaData().toString());
    s.put("num.partitions", "1");
    s.put("offsets.topic.replication.factor", "1");
    s.put("transaction.state.log.replication.factor", "1");
    s.put("transaction.state.log.min.isr", "1");
    s.put("share.coordinator.state.topic.replication.factor", "1");
    s.put("share.coordinator.state.topic.min.isr", "1");
    s.put("min.insync.replicas", "1");
    s.put("group.initial.rebalance.delay.ms", "0");
    // A local stack keeps records of any age until its state folder goes: demos and tests replay
    // event times far in the past, which the default 7-day retention would delete within minutes.
    s.put("log.retention.ms", "-1");
    return s;
  }

  static String renderProperties(StackConfig config) {
    StringBuilder sb = new StringBuilder("# Written by baton for the local stack; rewritten on every start.\n");
    settings(config).forEach((k, v) -> sb.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
    return sb.toString();
  }

  Path propertiesFile() {
    return config.layout().kafkaDir().resolve("server.properties");
  }

  Path log4jFile() {
    return config.layout().kafkaDir().resolve("log4j2.properties");
  }

  /** Formatted storage has a meta.properties in its log dir. */
  boolean isFormatted() {
    return Files.exists(config.layout().kafkaData().resolve("meta.properties"));
  }

  JavaCommand formatCommand(String clusterId) {
    return base("kafka-format", STORAGE_TOOL).jvmOption("-XX:TieredStopAtLevel=1")
        .args(List.of("format", "--standalone", "--cluster-id=" + clusterId, "-c", propertiesFile().toString()))
        .build();
  }

  JavaCommand serverCommand() {
    return base(Component.KAFKA.id(), MAIN_CLASS).jvmOptions(JVM_OPTIONS).arg(propertiesFile().toString()).build();
  }

  private JavaCommand.Builder base(String marker, String mainClass) {
    JavaCommand.Builder b = JavaCommand.mainClass(mainClass)
        .java(config.java())
        .classpath(config.kafkaLib().resolve("*").toString());
    ProcessMarker.of(marker, config.home()).applyTo(b);
    return b.systemProperty("log4j2.configurationFile", log4jFile().toString());
  }

  /**
   * A fresh cluster id in Kafka's own format (16 random bytes, URL-safe base64). Kafka's generator never returns
   * one starting with '-', which the storage tool's argument parser would read as an option.
   */
  static String newClusterId() {
    return Uuid.randomUuid().toString();
  }

  @Override
  public ManagedProcess start() throws IOException, InterruptedException, StackException {
    Path dir = config.layout().kafkaDir();
    Files.createDirectories(dir);
    Files.writeString(propertiesFile(), renderProperties(config));
    Files.writeString(log4jFile(), Resources.text("kafka-log4j2.properties"));
    if (!isFormatted()) {
      String out = JavaTool.run("kafka storage format", formatCommand(newClusterId()), dir, config.startTimeout());
      Files.writeString(config.layout().logFile(Component.KAFKA), out,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    return ManagedProcess.start(Component.KAFKA, serverCommand(), dir, config.layout().logFile(Component.KAFKA));
  }

  @Override
  public void awaitReady(ManagedProcess process, Instant deadline) throws StackException, InterruptedException {
    int port = config.ports().kafka();
    // Wait for the listener first so the admin client does not log connection errors.
    Await.ready(process, deadline, "listens on 127.0.0.1:" + port, () -> accepts(port));
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoint());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
    try (Admin admin = Admin.create(props)) {
      Await.ready(process, deadline, "answers describeCluster", () -> !admin
          .describeCluster(new DescribeClusterOptions().timeoutMs(3000))
          .nodes().get(5, TimeUnit.SECONDS).isEmpty());
    }
  }

  static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
