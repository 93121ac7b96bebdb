package io.baton.stack;

import java.time.Duration;

/**
 * Hears about each server as it becomes ready during {@link LocalStack#up(StartListener)}.
 *
 * <pre>{@code
 * stack.up((server, elapsed, endpoint) -> System.out.println(server.id() + " ready in " + elapsed));
 * }</pre>
 */
@FunctionalInterface
public interface StartListener {
  /** {@code elapsed} counts from the start of the {@code up} call (servers start in parallel). */
  void ready(ServerId server, Duration elapsed, String endpoint);

  StartListener SILENT = (component, elapsed, endpoint) -> { };
}
