package io.baton.stack;

import java.util.Optional;

/**
 * Whether one server of the stack runs, and where to reach it.
 *
 * <pre>{@code
 * new ComponentStatus(Component.KAFKA, Optional.of(4242L), "127.0.0.1:9092")   // kafka up (pid 4242) 127.0.0.1:9092
 * }</pre>
 */
public record ComponentStatus(Component component, Optional<Long> pid, String endpoint) {
  public boolean isUp() {
    return pid.isPresent();
  }

  @Override
  public String toString() {
    return component.id() + (isUp() ? " up (pid " + pid.get() + ") " : " down ") + endpoint;
  }
}
