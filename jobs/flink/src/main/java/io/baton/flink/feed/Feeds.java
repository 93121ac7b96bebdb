package io.baton.flink.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The {@link Feed}s registered on a class path through {@code META-INF/services/io.baton.flink.feed.Feed},
 * the way job jars register their pipeline definitions.
 *
 * <pre>{@code
 * Feeds feeds = Feeds.load(Thread.currentThread().getContextClassLoader());
 * feeds.names();                  // [nexmark]
 * Feed nexmark = feeds.named("nexmark");
 * }</pre>
 */
public final class Feeds {
  private final List<Feed> feeds;

  private Feeds(List<Feed> feeds) {
    this.feeds = List.copyOf(feeds);
  }

  /** The feeds {@code loader} sees, in registration order. */
  public static Feeds load(ClassLoader loader) {
    List<Feed> found = new ArrayList<>();
    ServiceLoader.load(Feed.class, loader).forEach(found::add);
    return new Feeds(found);
  }

  /** Every registered feed. */
  public List<Feed> all() {
    return feeds;
  }

  /** The registered feeds' names. */
  public List<String> names() {
    return feeds.stream().map(Feed::name).toList();
  }

  /**
   * The feed named {@code name}.
   *
   * @throws IllegalArgumentException naming the registered feeds when none is called {@code name}
   */
  public Feed named(String name) {
    return feeds.stream().filter(f -> f.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no feed named '" + name + "'; the registered feeds are: "
            + (feeds.isEmpty() ? "none (register one in META-INF/services/" + Feed.class.getName() + ")"
                : String.join(", ", names()))));
  }
}
