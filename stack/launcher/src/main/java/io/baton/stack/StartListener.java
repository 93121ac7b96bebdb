package io.baton.stack;

import java.time.Duration;

/**
 * Hears about each server as it becomes ready during {@link LocalStack#up(StartListener)}.
 *
 * <pre>{@code
 * stack.up((component, elapsed, endpoint) -> System.out.println(component + " ready in " + elapsed));
 * }</pre>
 */
@FunctionalInterface
public interface StartListener {
  /** {@code elapsed} counts from the start of the {@code up} call (servers start in parallel). */
  void ready(Component component, Duration elapsed, String endpoint);

  StartListener SILENT = (component, elapsed, endpoint) -> { };
}
