package io.baton.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running stack recorded under {@code run/}: one pid file per server and {@code stack.properties} with the
 * ports, so later commands find the processes and endpoints. A pid only counts if that process still carries our
 * {@link ProcessMarker}.
 *
 * <pre>{@code
 * StackState state = new StackState(layout);
 * state.running(Component.KAFKA);     // Optional<ProcessHandle>
 * }</pre>
 */
public final class StackState {
  private final StackLayout layout;

  public StackState(StackLayout layout) {
    this.layout = layout;
  }

  public void recordPid(Component c, long pid) throws IOException {
    Files.createDirectories(layout.runDir());
    Files.writeString(layout.pidFile(c), pid + "\n");
  }

  public Optional<Long> recordedPid(Component c) {
    Path f = layout.pidFile(c);
    try {
      return Files.exists(f) ? Optional.of(Long.parseLong(Files.readString(f).trim())) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty(); // an unreadable pid file means nothing we can stop
    }
  }

  /** The recorded process, if it is alive and still ours. */
  public Optional<ProcessHandle> running(Component c) {
    ProcessMarker marker = ProcessMarker.of(c, layout.home());
    return recordedPid(c).flatMap(ProcessHandle::of).filter(marker::matches);
  }

  public void forget(Component c) throws IOException {
    Files.deleteIfExists(layout.pidFile(c));
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
      return Optional.of(Ports.of(
          Integer.parseInt(p.getProperty("kafka.port")),
          Integer.parseInt(p.getProperty("kafka.controller.port")),
          Integer.parseInt(p.getProperty("registry.port")),
          Integer.parseInt(p.getProperty("flink.rest.port")),
          Integer.parseInt(p.getProperty("flink.rpc.port"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a damaged file is as good as none
    }
  }

  /** Kafka's storage was formatted (its log dir has Kafka's meta.properties). */
  public boolean kafkaFormatted() {
    return Files.exists(layout.kafkaData().resolve("meta.properties"));
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
