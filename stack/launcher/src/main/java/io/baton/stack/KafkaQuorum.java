package io.baton.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;

/**
 * How a fresh Kafka's storage is formatted: one cluster id, and for a stack of several brokers (each also a KRaft
 * controller) the dynamic quorum's initial voters, {@code id@127.0.0.1:controllerPort:directoryId}, the same on every
 * broker. One broker formats as a standalone quorum instead.
 *
 * <pre>{@code
 * KafkaQuorum q = KafkaQuorum.fresh(3);
 * q.initialControllers(ports);   // 1@127.0.0.1:9093:Ab...,2@127.0.0.1:9095:Cd...,3@127.0.0.1:9097:Ef...
 * }</pre>
 */
public final class KafkaQuorum {
  private final String clusterId;
  private final List<String> directoryIds; // one per broker, broker 1 first

  private KafkaQuorum(String clusterId, List<String> directoryIds) {
    this.clusterId = clusterId;
    this.directoryIds = List.copyOf(directoryIds);
  }

  /** A new cluster id and, per broker, a new metadata directory id (Kafka's own 16-byte URL-safe base64 form). */
  public static KafkaQuorum fresh(int brokers) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < brokers; i++) {
      ids.add(newId());
    }
    return new KafkaQuorum(newId(), ids);
  }

  /** Given ids (tests). */
  static KafkaQuorum of(String clusterId, List<String> directoryIds) {
    if (directoryIds.isEmpty()) {
      throw new IllegalArgumentException("a quorum needs at least one directory id");
    }
    return new KafkaQuorum(clusterId, directoryIds);
  }

  /** Kafka's generator never returns an id starting with '-', which the storage tool would read as an option. */
  static String newId() {
    return Uuid.randomUuid().toString();
  }

  public String clusterId() {
    return clusterId;
  }

  public int brokers() {
    return directoryIds.size();
  }

  /** The storage tool's {@code --initial-controllers} value for brokers on {@code ports}. */
  public String initialControllers(Ports ports) {
    if (ports.brokers() != brokers()) {
      throw new IllegalArgumentException("the quorum has " + brokers() + " voters but the ports name "
          + ports.brokers() + " brokers");
    }
    return IntStream.rangeClosed(1, brokers())
        .mapToObj(n -> n + "@127.0.0.1:" + ports.kafkaController(n) + ":" + directoryIds.get(n - 1))
        .collect(Collectors.joining(","));
  }

  /** The format arguments that set up the quorum: standalone for one broker, the initial voters for several. */
  List<String> formatArgs(Ports ports) {
    return brokers() == 1 ? List.of("--standalone", "--cluster-id=" + clusterId)
        : List.of("--cluster-id=" + clusterId, "--initial-controllers", initialControllers(ports));
  }

  @Override
  public String toString() {
    return "KafkaQuorum[cluster " + clusterId + ", " + brokers() + (brokers() == 1 ? " voter]" : " voters]");
  }
}
