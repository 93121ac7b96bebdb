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
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * A Kafka broker in KRaft mode (broker and controller in one JVM) on 127.0.0.1: the stack's only one, or one of
 * several ({@link #brokers(StackConfig, ScramClient)}, {@code up --brokers 3}) that form one controller quorum, each
 * with its own ports and log dir, topics replicated to up to three of them with {@code min.insync.replicas} 2.
 * The storage is formatted on the first start only, so topics survive {@code down}/{@code up}.
 *
 * <p>Secure ({@link #secure(StackConfig, ScramClient)}): clients and the broker itself (inter-broker traffic, e.g.
 * transaction markers) use the Kafka port's SASL_PLAINTEXT listener with SCRAM-SHA-512; the controller listener uses
 * SASL_PLAINTEXT with PLAIN (KRaft controllers cannot use SCRAM: its credentials live in the metadata they serve).
 * The admin is the only PLAIN user and the only super-user, so no anonymous principal has any right; the storage is
 * formatted with the admin's SCRAM credential, and the StandardAuthorizer denies what no ACL allows.
 *
 * <pre>{@code
 * KafkaServer kafka = new KafkaServer(config);
 * ManagedProcess p = kafka.start();
 * kafka.awaitReady(p, deadline);      // an AdminClient describeCluster answered
 * KafkaServer.brokers(config, null);  // one per broker the config's ports name, formatted as one quorum
 * }</pre>
 */
public final class KafkaServer implements LocalServer {
  static final String MAIN_CLASS = "kafka.Kafka";
  static final String STORAGE_TOOL = "kafka.tools.StorageTool";
  static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx512m", "-XX:+UseG1GC",
      "-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35", "-Djava.awt.headless=true");

  static final String AUTHORIZER = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";
  static final String PLAIN_LOGIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";

  private final StackConfig config;
  private final int node;
  private final ScramClient admin; // null: plain
  private final KafkaQuorum quorum; // how to format a fresh storage, shared by all brokers

  private KafkaServer(StackConfig config, int node, ScramClient admin, KafkaQuorum quorum) {
    this.config = config;
    this.node = node;
    this.admin = admin;
    this.quorum = quorum;
  }

  /** A plain broker: PLAINTEXT listeners, no authorizer; broker 1 of the config's ports. */
  public KafkaServer(StackConfig config) {
    this(config, 1, null, KafkaQuorum.fresh(config.ports().brokers()));
  }

  /** A secure broker whose super-user is {@code admin} ({@link KafkaSecurity#SCRAM}); broker 1. */
  public static KafkaServer secure(StackConfig config, ScramClient admin) {
    return new KafkaServer(config, 1, java.util.Objects.requireNonNull(admin, "admin"),
        KafkaQuorum.fresh(config.ports().brokers()));
  }

  /** Every broker the config's ports name, plain ({@code admin} null) or secure; a fresh storage is one quorum. */
  public static List<KafkaServer> brokers(StackConfig config, ScramClient admin) {
    KafkaQuorum quorum = KafkaQuorum.fresh(config.ports().brokers());
    List<KafkaServer> all = new java.util.ArrayList<>();
    for (int n = 1; n <= config.ports().brokers(); n++) {
      all.add(new KafkaServer(config, n, admin, quorum));
    }
    return all;
  }

  /** Broker {@code node} alone, e.g. to start it again after it was stopped; its storage must be formatted. */
  public static KafkaServer broker(StackConfig config, int node, ScramClient admin) {
    config.ports().kafka(node); // checks that it exists
    return new KafkaServer(config, node, admin, KafkaQuorum.fresh(config.ports().brokers()));
  }

  /** This broker's number (its {@code node.id}), 1-based. */
  public int node() {
    return node;
  }

  public KafkaSecurity security() {
    return admin == null ? KafkaSecurity.PLAIN : KafkaSecurity.SCRAM;
  }

  @Override
  public Component component() {
    return Component.KAFKA;
  }

  @Override
  public ServerId server() {
    return ServerId.kafka(node);
  }

  /** This broker's own address. */
  @Override
  public String endpoint() {
    return "127.0.0.1:" + config.ports().kafka(node);
  }

  /** Every broker's address, broker 1 first: {@code 127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096}. */
  public static String bootstrapServers(Ports ports) {
    return ports.kafkaPorts().stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
  }

  /** Replication factor of topics and of Kafka's internal topics: every broker, at most three. */
  static int replicationFactor(Ports ports) {
    return Math.min(3, ports.brokers());
  }

  /** Replicas that must have a write before it counts: two when there are three, else one (a broker may go). */
  static int minInsyncReplicas(Ports ports) {
    return Math.max(1, replicationFactor(ports) - 1);
  }

  /** Broker 1's server.properties, in a stable order. */
  static Map<String, String> settings(StackConfig config) {
    return settings(config, 1);
  }

  /** Broker {@code node}'s server.properties, in a stable order. */
  static Map<String, String> settings(StackConfig config, int node) {
    Ports ports = config.ports();
    String replicas = Integer.toString(replicationFactor(ports));
    String minIsr = Integer.toString(minInsyncReplicas(ports));
    String own = "PLAINTEXT://127.0.0.1:" + ports.kafka(node) + ",CONTROLLER://127.0.0.1:" + ports.kafkaController(node);
    Map<String, String> s = new LinkedHashMap<>();
    s.put("process.roles", "broker,controller");
    s.put("node.id", Integer.toString(node));
    s.put("controller.quorum.bootstrap.servers", ports.kafkaControllerPorts().stream().map(p -> "127.0.0.1:" + p)
        .collect(Collectors.joining(",")));
    s.put("listeners", own);
    s.put("advertised.listeners", own);
    s.put("inter.broker.listener.name", "PLAINTEXT");
    s.put("controller.listener.names", "CONTROLLER");
    s.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    s.put("log.dirs", config.layout().kafkaData(node).toString());
    s.put("num.partitions", "1");
    s.put("default.replication.factor", replicas);
    s.put("offsets.topic.replication.factor", replicas);
    s.put("transaction.state.log.replication.factor", replicas);
    s.put("transaction.state.log.min.isr", minIsr);
    s.put("share.coordinator.state.topic.replication.factor", replicas);
    s.put("share.coordinator.state.topic.min.isr", minIsr);
    s.put("min.insync.replicas", minIsr);
    s.put("group.initial.rebalance.delay.ms", "0");
    // A local stack keeps records of any age until its state folder goes: demos and tests replay
    // event times far in the past, which the default 7-day retention would delete within minutes.
    s.put("log.retention.ms", "-1");
    return s;
  }

  /**
   * The secure broker's server.properties: {@link #settings(StackConfig)} with SASL listeners, the admin's JAAS lines
   * (the file is owner-only) and the StandardAuthorizer.
   */
  static Map<String, String> secureSettings(StackConfig config, ScramClient admin) {
    return secureSettings(config, 1, admin);
  }

  static Map<String, String> secureSettings(StackConfig config, int node, ScramClient admin) {
    Ports ports = config.ports();
    String client = "SASL_PLAINTEXT://127.0.0.1:" + ports.kafka(node);
    String controller = "CONTROLLER://127.0.0.1:" + ports.kafkaController(node);
    Map<String, String> s = settings(config, node);
    s.put("listeners", client + "," + controller);
    s.put("advertised.listeners", client + "," + controller);
    s.put("inter.broker.listener.name", "SASL_PLAINTEXT");
    s.put("listener.security.protocol.map", "CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT");
    s.put("sasl.enabled.mechanisms", ScramClient.MECHANISM);
    s.put("listener.name.sasl_plaintext.sasl.enabled.mechanisms", ScramClient.MECHANISM);
    s.put("sasl.mechanism.inter.broker.protocol", ScramClient.MECHANISM);
    s.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
        ScramClient.jaasConfig(ScramClient.LOGIN_MODULE, "username", admin.user(), "password", admin.password()));
    s.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
    s.put("sasl.mechanism.controller.protocol", "PLAIN");
    s.put("listener.name.controller.plain.sasl.jaas.config", ScramClient.jaasConfig(PLAIN_LOGIN_MODULE,
        "username", admin.user(), "password", admin.password(), "user_" + admin.user(), admin.password()));
    s.put("authorizer.class.name", AUTHORIZER);
    s.put("allow.everyone.if.no.acl.found", "false");
    s.put("super.users", "User:" + admin.user());
    return s;
  }

  /** This broker's settings, plain or secure. */
  Map<String, String> settings() {
    return admin == null ? settings(config, node) : secureSettings(config, node, admin);
  }

  static String renderProperties(StackConfig config) {
    return render(settings(config));
  }

  static String render(Map<String, String> settings) {
    StringBuilder sb = new StringBuilder("# Written by baton for the local stack; rewritten on every start.\n");
    settings.forEach((k, v) -> sb.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
    return sb.toString();
  }

  Path propertiesFile() {
    return config.layout().kafkaDir(node).resolve("server.properties");
  }

  Path log4jFile() {
    return config.layout().kafkaDir(node).resolve("log4j2.properties");
  }

  /** Formatted storage has a meta.properties in its log dir. */
  boolean isFormatted() {
    return new StackState(config.layout()).kafkaFormatted(node);
  }

  /** Formats a single broker's storage as a standalone quorum with {@code clusterId}. */
  JavaCommand formatCommand(String clusterId) {
    return formatCommand(KafkaQuorum.of(clusterId, List.of(KafkaQuorum.newId())));
  }

  /** Secure: also adds the admin's SCRAM credential, through an argument file so the password never shows in ps. */
  JavaCommand formatCommand(KafkaQuorum quorum) {
    List<String> args = new java.util.ArrayList<>(List.of("format"));
    args.addAll(quorum.formatArgs(config.ports()));
    args.addAll(List.of("-c", propertiesFile().toString()));
    JavaCommand.Builder b = base("kafka-format", STORAGE_TOOL).jvmOption("-XX:TieredStopAtLevel=1").args(args);
    if (admin != null) {
      b.args(List.of("--add-scram", ScramClient.MECHANISM + "=[name=" + admin.user() + ",password=" + admin.password() + "]"))
          .argFile(config.layout().kafkaDir(node).resolve("format.args"));
    }
    return b.build();
  }

  JavaCommand serverCommand() {
    return base(server().id(), MAIN_CLASS).jvmOptions(JVM_OPTIONS).arg(propertiesFile().toString()).build();
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
    return KafkaQuorum.newId();
  }

  @Override
  public ManagedProcess start() throws IOException, InterruptedException, StackException {
    Path dir = config.layout().kafkaDir(node);
    Files.createDirectories(dir);
    OwnerOnlyFile.write(propertiesFile(), render(settings())); // secure: holds the admin's password
    Files.writeString(log4jFile(), Resources.text("kafka-log4j2.properties"));
    Path log = config.layout().logFile(server());
    if (!isFormatted()) {
      if (node == 1) { // before: a failed format leaves no data
        StackState state = new StackState(config.layout());
        state.recordKafkaSecurity(security());
        state.recordKafkaBrokers(config.ports().brokers());
      }
      String out = JavaTool.run("kafka storage format", formatCommand(quorum), dir, config.startTimeout());
      Files.createDirectories(log.getParent());
      Files.writeString(log, out, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    return ManagedProcess.start(server(), serverCommand(), dir, log);
  }

  /** Ready when this broker listens and has registered with the quorum (describeCluster through it lists it). */
  @Override
  public void awaitReady(ManagedProcess process, Instant deadline) throws StackException, InterruptedException {
    int port = config.ports().kafka(node);
    // Wait for the listener first so the admin client does not log connection errors.
    Await.ready(process, deadline, "listens on 127.0.0.1:" + port, () -> accepts(port));
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoint());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
    if (admin != null) {
      props.putAll(admin.properties());
    }
    try (Admin client = Admin.create(props)) {
      Await.ready(process, deadline, "answers describeCluster", () -> client
          .describeCluster(new DescribeClusterOptions().timeoutMs(3000))
          .nodes().get(5, TimeUnit.SECONDS).stream().anyMatch(n -> n.id() == node));
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
