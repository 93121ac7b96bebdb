package io.baton.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What a running stack recorded under {@code run/}: one pid file per server and {@code stack.properties} with the
 * ports, so later commands find the processes and endpoints. A pid only counts if that process still carries our
 * {@link ProcessMarker}.
 *
 * <pre>{@code
 * StackState state = new StackState(layout);
 * state.running(Component.KAFKA);     // Optional<ProcessHandle>
 * state.running(ServerId.kafka(2));   // the second broker of a three-broker stack
 * }</pre>
 */
public final class StackState {
  private final StackLayout layout;

  public StackState(StackLayout layout) {
    this.layout = layout;
  }

  public void recordPid(Component c, long pid) throws IOException {
    recordPid(ServerId.of(c), pid);
  }

  public void recordPid(ServerId s, long pid) throws IOException {
    Files.createDirectories(layout.runDir());
    Files.writeString(layout.pidFile(s), pid + "\n");
  }

  public Optional<Long> recordedPid(Component c) {
    return recordedPid(ServerId.of(c));
  }

  public Optional<Long> recordedPid(ServerId s) {
    Path f = layout.pidFile(s);
    try {
      return Files.exists(f) ? Optional.of(Long.parseLong(Files.readString(f).trim())) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty(); // an unreadable pid file means nothing we can stop
    }
  }

  /** The recorded process, if it is alive and still ours. */
  public Optional<ProcessHandle> running(Component c) {
    return running(ServerId.of(c));
  }

  /** The recorded process of one server (e.g. broker {@code kafka-2}), if it is alive and still ours. */
  public Optional<ProcessHandle> running(ServerId s) {
    ProcessMarker marker = ProcessMarker.of(s, layout.home());
    return recordedPid(s).flatMap(ProcessHandle::of).filter(marker::matches);
  }

  public void forget(Component c) throws IOException {
    forget(ServerId.of(c));
  }

  public void forget(ServerId s) throws IOException {
    Files.deleteIfExists(layout.pidFile(s));
  }

  /** Every server with a pid file under {@code run/}, in start order (brokers by number). */
  public List<ServerId> recordedServers() {
    List<ServerId> found = new ArrayList<>();
    if (!Files.isDirectory(layout.runDir())) {
      return found;
    }
    try (Stream<Path> files = Files.list(layout.runDir())) {
      files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".pid"))
          .forEach(n -> {
            try {
              found.add(ServerId.byId(n.substring(0, n.length() - 4)));
            } catch (IllegalArgumentException notOurs) {
              // some other file: not a server of the stack
            }
          });
    } catch (IOException e) {
      return found; // nothing readable, nothing to stop
    }
    found.sort(Comparator.comparing(ServerId::component).thenComparingInt(ServerId::node));
    return found;
  }

  public void recordPorts(Ports ports) throws IOException {
    recordPorts(ports, KafkaSecurity.PLAIN);
  }

  /** The ports and endpoints, and for a secure stack the admin client properties file. */
  public void recordPorts(Ports ports, KafkaSecurity security) throws IOException {
    Files.createDirectories(layout.runDir());
    Properties p = new Properties();
    p.setProperty("kafka.port", Integer.toString(ports.kafka()));
    p.setProperty("kafka.controller.port", Integer.toString(ports.kafkaController()));
    p.setProperty("registry.port", Integer.toString(ports.registry()));
    p.setProperty("flink.rest.port", Integer.toString(ports.flinkRest()));
    p.setProperty("flink.rpc.port", Integer.toString(ports.flinkRpc()));
    p.setProperty("kafka.brokers", Integer.toString(ports.brokers()));
    for (int node = 2; node <= ports.brokers(); node++) {
      p.setProperty("kafka." + node + ".port", Integer.toString(ports.kafka(node)));
      p.setProperty("kafka." + node + ".controller.port", Integer.toString(ports.kafkaController(node)));
    }
    p.setProperty("kafka.bootstrap.servers", KafkaServer.bootstrapServers(ports));
    p.setProperty("registry.url", RegistryServer.url(ports));
    p.setProperty("flink.web.url", FlinkSessionCluster.webUrl(ports));
    p.setProperty("kafka.security", security.id());
    if (security == KafkaSecurity.SCRAM) {
      p.setProperty("kafka.client.properties", layout.adminClientProperties().toString());
    }
    try (Writer w = Files.newBufferedWriter(layout.stackFile())) {
      p.store(w, "Endpoints of the local Baton stack");
    }
  }

  /** Adds the first Prometheus reporter port to the recorded ports ({@link #recordPorts} first). */
  public void recordPrometheusPort(int port) throws IOException {
    Properties p = load();
    p.setProperty("flink.prometheus.port", Integer.toString(port));
    try (Writer w = Files.newBufferedWriter(layout.stackFile())) {
      p.store(w, "Endpoints of the local Baton stack");
    }
  }

  /** The first Prometheus reporter port the stack was last started with, if it recorded one. */
  public Optional<Integer> recordedPrometheusPort() {
    try {
      String port = load().getProperty("flink.prometheus.port");
      return port == null ? Optional.empty() : Optional.of(Integer.parseInt(port));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a damaged file is as good as none
    }
  }

  private Properties load() throws IOException {
    Properties p = new Properties();
    if (Files.exists(layout.stackFile())) {
      try (Reader r = Files.newBufferedReader(layout.stackFile())) {
        p.load(r);
      }
    }
    return p;
  }

  /** The ports the stack was last started on, if it recorded them. */
  public Optional<Ports> recordedPorts() {
    Path f = layout.stackFile();
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(f)) {
      p.load(r);
      Ports ports = Ports.of(
          Integer.parseInt(p.getProperty("kafka.port")),
          Integer.parseInt(p.getProperty("kafka.controller.port")),
          Integer.parseInt(p.getProperty("registry.port")),
          Integer.parseInt(p.getProperty("flink.rest.port")),
          Integer.parseInt(p.getProperty("flink.rpc.port")));
      int brokers = Integer.parseInt(p.getProperty("kafka.brokers", "1"));
      List<Integer> kafka = new ArrayList<>(List.of(ports.kafka()));
      List<Integer> controllers = new ArrayList<>(List.of(ports.kafkaController()));
      for (int node = 2; node <= brokers; node++) {
        kafka.add(Integer.parseInt(p.getProperty("kafka." + node + ".port")));
        controllers.add(Integer.parseInt(p.getProperty("kafka." + node + ".controller.port")));
      }
      return Optional.of(ports.withKafkaNodes(kafka, controllers));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a damaged file is as good as none
    }
  }

  /** Kafka's storage was formatted (broker 1's log dir has Kafka's meta.properties). */
  public boolean kafkaFormatted() {
    return kafkaFormatted(1);
  }

  /** Broker {@code node}'s storage was formatted. */
  public boolean kafkaFormatted(int node) {
    return Files.exists(layout.kafkaData(node).resolve("meta.properties"));
  }

  /** Records how many brokers Kafka's storage is (about to be) formatted for. */
  public void recordKafkaBrokers(int brokers) throws IOException {
    Files.createDirectories(layout.kafkaDir());
    Files.writeString(layout.kafkaBrokersFile(), "# how many brokers kafka*/data was formatted for\n"
        + "brokers=" + brokers + "\n");
  }

  /** How many brokers the formatted storage has (1 if it never recorded it); empty when not formatted. */
  public Optional<Integer> kafkaBrokers() throws IOException {
    if (!kafkaFormatted()) {
      return Optional.empty();
    }
    Path f = layout.kafkaBrokersFile();
    if (!Files.exists(f)) {
      return Optional.of(1);
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(f)) {
      p.load(r);
    }
    try {
      return Optional.of(Integer.parseInt(p.getProperty("brokers", "").trim()));
    } catch (NumberFormatException e) {
      throw new IOException(f + ": brokers must be a number but was '" + p.getProperty("brokers") + "'", e);
    }
  }

  /** Records how Kafka's storage is (about to be) formatted. */
  public void recordKafkaSecurity(KafkaSecurity security) throws IOException {
    Files.createDirectories(layout.kafkaDir());
    Files.writeString(layout.kafkaSecurityFile(), "# how kafka/data was formatted; kept as long as that data\n"
        + "security=" + security.id() + "\n");
  }

  /**
   * How the formatted Kafka storage lets clients in; empty when it is not formatted (any choice is still open).
   * Storage formatted before this was recorded is plain.
   */
  public Optional<KafkaSecurity> kafkaSecurity() throws IOException {
    if (!kafkaFormatted()) {
      return Optional.empty();
    }
    Path f = layout.kafkaSecurityFile();
    if (!Files.exists(f)) {
      return Optional.of(KafkaSecurity.PLAIN);
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(f)) {
      p.load(r);
    }
    try {
      return Optional.of(KafkaSecurity.ofId(p.getProperty("security", "")));
    } catch (IllegalArgumentException e) {
      throw new IOException(f + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "StackState[" + layout.runDir() + "]";
  }
}
