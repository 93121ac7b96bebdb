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
 * The fixed TCP ports of the local stack, all bound on 127.0.0.1.
 *
 * <pre>{@code
 * Ports ports = Ports.defaults().withKafka(19092);   // others stay 9093, 8085, 8081, 6123
 * Ports forTests = Ports.freeEphemeral();
 * }</pre>
 */
public final class Ports {
  public static final int DEFAULT_KAFKA = 9092;
  public static final int DEFAULT_KAFKA_CONTROLLER = 9093;
  public static final int DEFAULT_REGISTRY = 8085;
  public static final int DEFAULT_FLINK_REST = 8081;
  public static final int DEFAULT_FLINK_RPC = 6123;

  private final int kafka;
  private final int kafkaController;
  private final int registry;
  private final int flinkRest;
  private final int flinkRpc;

  private Ports(int kafka, int kafkaController, int registry, int flinkRest, int flinkRpc) {
    this.kafka = kafka;
    this.kafkaController = kafkaController;
    this.registry = registry;
    this.flinkRest = flinkRest;
    this.flinkRpc = flinkRpc;
  }

  /** 9092, 9093, 8085, 8081, 6123. */
  public static Ports defaults() {
    return of(DEFAULT_KAFKA, DEFAULT_KAFKA_CONTROLLER, DEFAULT_REGISTRY, DEFAULT_FLINK_REST, DEFAULT_FLINK_RPC);
  }

  /** Validates every port (1..65535, all different) and reports all problems together. */
  public static Ports of(int kafka, int kafkaController, int registry, int flinkRest, int flinkRpc) {
    Ports ports = new Ports(kafka, kafkaController, registry, flinkRest, flinkRpc);
    List<String> problems = new ArrayList<>();
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
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      // Hold all five at once so they are distinct, then release them together.
      for (int i = 0; i < 5; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
      }
      return of(sockets.get(0).getLocalPort(), sockets.get(1).getLocalPort(), sockets.get(2).getLocalPort(),
          sockets.get(3).getLocalPort(), sockets.get(4).getLocalPort());
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

  public Ports withKafka(int port) {
    return of(port, kafkaController, registry, flinkRest, flinkRpc);
  }

  public Ports withKafkaController(int port) {
    return of(kafka, port, registry, flinkRest, flinkRpc);
  }

  public Ports withRegistry(int port) {
    return of(kafka, kafkaController, port, flinkRest, flinkRpc);
  }

  public Ports withFlinkRest(int port) {
    return of(kafka, kafkaController, registry, port, flinkRpc);
  }

  public Ports withFlinkRpc(int port) {
    return of(kafka, kafkaController, registry, flinkRest, port);
  }

  public int kafka() {
    return kafka;
  }

  public int kafkaController() {
    return kafkaController;
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

  /** Each port with what uses it, in start order: {@code kafka -> 9092, kafka controller -> 9093, ...}. */
  public Map<String, Integer> byUse() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("kafka", kafka);
    m.put("kafka controller", kafkaController);
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

  @Override
  public String toString() {
    return "Ports.of(" + kafka + ", " + kafkaController + ", " + registry + ", " + flinkRest + ", " + flinkRpc + ")";
  }
}
