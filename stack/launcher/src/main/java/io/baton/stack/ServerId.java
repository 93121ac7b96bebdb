package io.baton.stack;

import java.util.Objects;

/**
 * One server process of the local stack: a {@link Component} and, for Kafka, which of its brokers (1 unless the stack
 * runs several, {@code up --brokers 3}). Names its pid file, log file and process marker: {@code kafka},
 * {@code kafka-2}, {@code kafka-3}, {@code registry}, ...
 *
 * <pre>{@code
 * ServerId.of(Component.JOBMANAGER).id();   // jobmanager
 * ServerId.kafka(2).id();                    // kafka-2
 * ServerId.byId("kafka-3");                  // ServerId.kafka(3)
 * }</pre>
 */
public record ServerId(Component component, int node) {
  public ServerId {
    Objects.requireNonNull(component, "component");
    if (node < 1 || (node > 1 && component != Component.KAFKA)) {
      throw new IllegalArgumentException("only Kafka has servers numbered above 1; " + component.id() + " node " + node);
    }
  }

  /** The component's first (for all but Kafka: only) server. */
  public static ServerId of(Component component) {
    return new ServerId(component, 1);
  }

  /** Kafka broker number {@code node} (1-based; also its {@code node.id}). */
  public static ServerId kafka(int node) {
    return new ServerId(Component.KAFKA, node);
  }

  /** Reads {@code kafka}, {@code kafka-2}, {@code registry}, ... */
  public static ServerId byId(String id) {
    int dash = id.lastIndexOf('-');
    if (dash > 0 && id.substring(dash + 1).matches("[0-9]{1,3}")) {
      Component c = Component.byId(id.substring(0, dash));
      int node = Integer.parseInt(id.substring(dash + 1));
      if (c != Component.KAFKA || node < 1) {
        throw new IllegalArgumentException("unknown server '" + id + "'; only Kafka brokers are numbered (kafka-2)");
      }
      return kafka(node);
    }
    return of(Component.byId(id));
  }

  /** The name of files, markers and command-line arguments: the component's id, plus {@code -N} above broker 1. */
  public String id() {
    return node == 1 ? component.id() : component.id() + "-" + node;
  }

  public String description() {
    return node == 1 ? component.description() : component.description() + " " + node;
  }

  @Override
  public String toString() {
    return id();
  }
}
