package io.baton.stack;

import java.util.Optional;

/**
 * Whether one server of the stack runs, and where to reach it.
 *
 * <pre>{@code
 * new ComponentStatus(Component.KAFKA, Optional.of(4242L), "127.0.0.1:9092")   // kafka up (pid 4242) 127.0.0.1:9092
 * new ComponentStatus(ServerId.kafka(2), Optional.empty(), "127.0.0.1:9094")   // kafka-2 down 127.0.0.1:9094
 * }</pre>
 */
public record ComponentStatus(ServerId server, Optional<Long> pid, String endpoint) {
  public ComponentStatus(Component component, Optional<Long> pid, String endpoint) {
    this(ServerId.of(component), pid, endpoint);
  }

  public Component component() {
    return server.component();
  }

  public boolean isUp() {
    return pid.isPresent();
  }

  @Override
  public String toString() {
    return server.id() + (isUp() ? " up (pid " + pid.get() + ") " : " down ") + endpoint;
  }
}
