package io.baton.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.examples.demo.SensorDemo;
import io.baton.examples.nexmark.NexmarkFeed;
import io.baton.flink.feed.Demos;
import io.baton.flink.feed.Feeds;
import org.junit.jupiter.api.Test;

/** What the examples jar registers for {@code baton feed} and {@code baton demo}. */
class RegisteredFeedsTest {
  private static final ClassLoader EXAMPLES = RegisteredFeedsTest.class.getClassLoader();

  @Test
  void nexmarkIsTheRegisteredFeed() {
    Feeds feeds = Feeds.load(EXAMPLES);
    assertThat(feeds.names()).containsExactly("nexmark");
    assertThat(feeds.named("nexmark")).isInstanceOf(NexmarkFeed.class);
  }

  @Test
  void theSensorStoryIsTheRegisteredDemo() {
    assertThat(Demos.only(EXAMPLES)).isInstanceOf(SensorDemo.class);
    assertThat(Demos.only(EXAMPLES).pipeline()).isEqualTo("sensor-story");
  }
}
