package io.baton.stack;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One server process of the local stack, in start order.
 *
 * <pre>{@code
 * Component.byId("kafka");   // KAFKA
 * }</pre>
 */
public enum Component {
  KAFKA("kafka", "Kafka broker"),
  REGISTRY("registry", "schema registry"),
  JOBMANAGER("jobmanager", "Flink JobManager"),
  TASKMANAGER("taskmanager", "Flink TaskManager");

  private final String id;
  private final String description;

  Component(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** The short name used for files, markers and the command line ({@code kafka}). */
  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  public static Component byId(String id) {
    for (Component c : values()) {
      if (c.id.equalsIgnoreCase(id)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown component '" + id + "'; expected one of "
        + Arrays.stream(values()).map(Component::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return id;
  }
}
