package io.baton.flink.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the {@link Demo} registered on a class path through {@code META-INF/services/io.baton.flink.feed.Demo}.
 *
 * <pre>{@code
 * Demo demo = Demos.only(Thread.currentThread().getContextClassLoader());
 * demo.pipeline();   // "sensor-story"
 * }</pre>
 */
public final class Demos {
  private Demos() {}

  /**
   * The one demo {@code loader} sees.
   *
   * @throws IllegalStateException when none or several are registered, naming them and the services file
   */
  public static Demo only(ClassLoader loader) {
    List<Demo> found = new ArrayList<>();
    ServiceLoader.load(Demo.class, loader).forEach(found::add);
    if (found.size() == 1) {
      return found.get(0);
    }
    String file = "META-INF/services/" + Demo.class.getName();
    throw new IllegalStateException(found.isEmpty()
        ? "no demo is registered; put the examples jar on the class path or register one in " + file
        : found.size() + " demos are registered ("
            + String.join(", ", found.stream().map(d -> d.getClass().getName()).toList()) + "); keep one in " + file);
  }
}
