package io.baton.flink.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.flink.deploy.Target;
import java.io.PrintWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Feeds and demos found through META-INF/services (this module's test resources register {@link Ticks}). */
class FeedsTest {
  /** A feed registered for this test only. */
  public static final class Ticks implements Feed {
    @Override
    public String name() {
      return "ticks";
    }

    @Override
    public void write(FeedRequest request, Target target, PrintWriter out) {
      out.println("ticked " + request.events());
    }
  }

  private static final ClassLoader HERE = FeedsTest.class.getClassLoader();
  private static final ClassLoader EMPTY = new URLClassLoader(new URL[0], null);

  @Test
  void listsWhatIsRegistered() {
    Feeds feeds = Feeds.load(HERE);
    assertThat(feeds.names()).containsExactly("ticks");
    assertThat(feeds.named("ticks")).isInstanceOf(Ticks.class);
  }

  @Test
  void anUnknownNameSaysWhichFeedsExist() {
    assertThatThrownBy(() -> Feeds.load(HERE).named("tweets")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no feed named 'tweets'; the registered feeds are: ticks");
    assertThatThrownBy(() -> Feeds.load(EMPTY).named("tweets"))
        .hasMessage("no feed named 'tweets'; the registered feeds are: none (register one in "
            + "META-INF/services/io.baton.flink.feed.Feed)");
  }

  @Test
  void withoutADemoTheMessageSaysWhereToRegisterOne() {
    assertThatThrownBy(() -> Demos.only(EMPTY)).isInstanceOf(IllegalStateException.class)
        .hasMessage("no demo is registered; put the examples jar on the class path or register one in "
            + "META-INF/services/io.baton.flink.feed.Demo");
  }

  @Test
  void aRequestNamesEveryBadField() {
    assertThatThrownBy(() -> new FeedRequest(0, 1, -5, null)).hasMessage("invalid FeedRequest: events must be positive, "
        + "got 0; eventsPerSecond must be positive, got -5; start must not be null, e.g. Instant.parse(\"2026-01-01T00:00:00Z\")");
    assertThat(new FeedRequest(10, 1, 100, Instant.EPOCH).events()).isEqualTo(10);
  }
}
