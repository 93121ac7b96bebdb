package io.baton.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fixed TCP ports of the local stack, all bound on 127.0.0.1. Kafka runs one broker (with its controller) unless
 * asked for more ({@link #withBrokers(int)}): each broker has its own Kafka and controller port.
 *
 * <pre>{@code
 * Ports ports = Ports.defaults().withKafka(19092);   // others stay 9093, 8085, 8081, 6123
 * Ports three = Ports.defaults().withBrokers(3);     // brokers 2 and 3 on 9094/9095 and 9096/9097
 * Ports forTests = Ports.freeEphemeral(3);
 * }</pre>
 */
public final class Ports {
  public static final int DEFAULT_KAFKA = 9092;
  public static final int DEFAULT_KAFKA_CONTROLLER = 9093;
  public static final int DEFAULT_REGISTRY = 8085;
  public static final int DEFAULT_FLINK_REST = 8081;
  public static final int DEFAULT_FLINK_RPC = 6123;
  /** The most brokers a local stack runs. */
  public static final int MAX_BROKERS = 9;

  private final List<Integer> kafka; // one per broker, broker 1 first
  private final List<Integer> kafkaControllers;
  private final int registry;
  private final int flinkRest;
  private final int flinkRpc;

  private Ports(List<Integer> kafka, List<Integer> kafkaControllers, int registry, int flinkRest, int flinkRpc) {
    this.kafka = List.copyOf(kafka);
    this.kafkaControllers = List.copyOf(kafkaControllers);
    this.registry = registry;
    this.flinkRest = flinkRest;
    this.flinkRpc = flinkRpc;
  }

  /** 9092, 9093, 8085, 8081, 6123. */
  public static Ports defaults() {
    return of(DEFAULT_KAFKA, DEFAULT_KAFKA_CONTROLLER, DEFAULT_REGISTRY, DEFAULT_FLINK_REST, DEFAULT_FLINK_RPC);
  }

  /** One broker. Validates every port (1..65535, all different) and reports all problems together. */
  public static Ports of(int kafka, int kafkaController, int registry, int flinkRest, int flinkRpc) {
    return validated(new Ports(List.of(kafka), List.of(kafkaController), registry, flinkRest, flinkRpc));
  }

  private static Ports validated(Ports ports) {
    List<String> problems = new ArrayList<>();
    if (ports.kafka.isEmpty() || ports.kafka.size() > MAX_BROKERS) {
      problems.add("brokers must be 1.." + MAX_BROKERS + " but was " + ports.kafka.size());
    }
    Set<Integer> seen = new HashSet<>();
    ports.byUse().forEach((use, port) -> {
      if (port < 1 || port > 65535) {
        problems.add(use + " port must be in 1..65535 but was " + port);
      } else if (!seen.add(port)) {
        problems.add(use + " port " + port + " is also used by another component");
      }
    });
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return ports;
  }

  /** Ports the operating system just handed out as free; for tests that must not clash with a running stack. */
  public static Ports freeEphemeral() {
    return freeEphemeral(1);
  }

  /** Free ports for a stack of {@code brokers} Kafka brokers. */
  public static Ports freeEphemeral(int brokers) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      // Hold all at once so they are distinct, then release them together.
      for (int i = 0; i < 3 + 2 * brokers; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
      }
      List<Integer> p = sockets.stream().map(ServerSocket::getLocalPort).toList();
      List<Integer> k = new ArrayList<>(List.of(p.get(0)));
      List<Integer> c = new ArrayList<>(List.of(p.get(1)));
      for (int node = 2; node <= brokers; node++) {
        k.add(p.get(1 + 2 * node));
        c.add(p.get(2 + 2 * node));
      }
      return of(p.get(0), p.get(1), p.get(2), p.get(3), p.get(4)).withKafkaNodes(k, c);
    } catch (IOException e) {
      throw new UncheckedIOException("could not find free ports", e);
    } finally {
      for (ServerSocket s : sockets) {
        try {
          s.close();
        } catch (IOException ignored) {
          // closing a probe socket cannot leave anything behind
        }
      }
    }
  }

  /** Broker 1's Kafka port. */
  public Ports withKafka(int port) {
    return withKafka(1, port);
  }

  /** Broker {@code node}'s Kafka port (1-based, at most {@link #brokers()}). */
  public Ports withKafka(int node, int port) {
    List<Integer> k = new ArrayList<>(kafka);
    k.set(checkNode(node), port);
    return validated(new Ports(k, kafkaControllers, registry, flinkRest, flinkRpc));
  }

  /** Broker 1's controller port. */
  public Ports withKafkaController(int port) {
    return withKafkaController(1, port);
  }

  /** Broker {@code node}'s controller port (1-based, at most {@link #brokers()}). */
  public Ports withKafkaController(int node, int port) {
    List<Integer> c = new ArrayList<>(kafkaControllers);
    c.set(checkNode(node), port);
    return validated(new Ports(kafka, c, registry, flinkRest, flinkRpc));
  }

  /**
   * {@code brokers} Kafka brokers: the first ones keep their ports, each added one takes the ports two above the
   * previous broker's (9092/9093, then 9094/9095, 9096/9097).
   */
  public Ports withBrokers(int brokers) {
    if (brokers < 1 || brokers > MAX_BROKERS) {
      throw new IllegalArgumentException("brokers must be 1.." + MAX_BROKERS + " but was " + brokers);
    }
    List<Integer> k = new ArrayList<>(kafka.subList(0, Math.min(brokers, kafka.size())));
    List<Integer> c = new ArrayList<>(kafkaControllers.subList(0, k.size()));
    while (k.size() < brokers) {
      k.add(k.get(k.size() - 1) + 2);
      c.add(c.get(c.size() - 1) + 2);
    }
    return validated(new Ports(k, c, registry, flinkRest, flinkRpc));
  }

  /** Every broker's Kafka and controller ports, broker 1 first (as many brokers as ports). */
  public Ports withKafkaNodes(List<Integer> kafkaPorts, List<Integer> controllerPorts) {
    if (kafkaPorts.size() != controllerPorts.size()) {
      throw new IllegalArgumentException("each broker needs a Kafka and a controller port, got " + kafkaPorts
          + " and " + controllerPorts);
    }
    return validated(new Ports(kafkaPorts, controllerPorts, registry, flinkRest, flinkRpc));
  }

  public Ports withRegistry(int port) {
    return validated(new Ports(kafka, kafkaControllers, port, flinkRest, flinkRpc));
  }

  public Ports withFlinkRest(int port) {
    return validated(new Ports(kafka, kafkaControllers, registry, port, flinkRpc));
  }

  public Ports withFlinkRpc(int port) {
    return validated(new Ports(kafka, kafkaControllers, registry, flinkRest, port));
  }

  private int checkNode(int node) {
    if (node < 1 || node > kafka.size()) {
      throw new IllegalArgumentException("broker " + node + " does not exist: the stack has " + kafka.size()
          + (kafka.size() == 1 ? " broker" : " brokers"));
    }
    return node - 1;
  }

  /** How many Kafka brokers (each also a KRaft controller). */
  public int brokers() {
    return kafka.size();
  }

  /** Broker 1's Kafka port. */
  public int kafka() {
    return kafka.get(0);
  }

  /** Broker {@code node}'s Kafka port (1-based). */
  public int kafka(int node) {
    return kafka.get(checkNode(node));
  }

  /** Broker 1's controller port. */
  public int kafkaController() {
    return kafkaControllers.get(0);
  }

  /** Broker {@code node}'s controller port (1-based). */
  public int kafkaController(int node) {
    return kafkaControllers.get(checkNode(node));
  }

  /** Every broker's Kafka port, broker 1 first. */
  public List<Integer> kafkaPorts() {
    return kafka;
  }

  /** Every broker's controller port, broker 1 first. */
  public List<Integer> kafkaControllerPorts() {
    return kafkaControllers;
  }

  public int registry() {
    return registry;
  }

  public int flinkRest() {
    return flinkRest;
  }

  public int flinkRpc() {
    return flinkRpc;
  }

  /**
   * Each port with what uses it, in start order: {@code kafka -> 9092, kafka controller -> 9093, ...}; brokers
   * above 1 follow broker 1 as {@code kafka-2}, {@code kafka-2 controller}.
   */
  public Map<String, Integer> byUse() {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int node = 1; node <= kafka.size(); node++) {
      String name = ServerId.kafka(node).id();
      m.put(name, kafka.get(node - 1));
      m.put(name + " controller", kafkaControllers.get(node - 1));
    }
    m.put("registry", registry);
    m.put("flink web UI/REST", flinkRest);
    m.put("flink jobmanager rpc", flinkRpc);
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ports p && p.byUse().equals(byUse());
  }

  @Override
  public int hashCode() {
    return byUse().hashCode();
  }

  /** The expression that builds these ports. */
  @Override
  public String toString() {
    String one = "Ports.of(" + kafka() + ", " + kafkaController() + ", " + registry + ", " + flinkRest + ", " + flinkRpc + ")";
    return kafka.size() == 1 ? one : one + ".withKafkaNodes(List.of(" + join(kafka) + "), List.of("
        + join(kafkaControllers) + "))";
  }

  private static String join(List<Integer> ports) {
    return String.join(", ", ports.stream().map(String::valueOf).toList());
  }
}
