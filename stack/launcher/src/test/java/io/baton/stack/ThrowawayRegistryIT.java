package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The registry tests and benchmarks start: a real Apicurio from stack/registry-runtime. */
class ThrowawayRegistryIT {

  @Test
  void answersUntilStoppedAndAgainAfterRestartThenCloseDeletesItsFolder() throws Exception {
    Path home;
    try (ThrowawayRegistry registry = ThrowawayRegistry.start("baton-launcher-it-")) {
      home = registry.home();
      assertThat(registry.url()).startsWith("http://127.0.0.1:").endsWith("/apis/ccompat/v7");
      assertThat(Http.get(registry.url() + "/config").body()).contains("BACKWARD");

      registry.stop();
      assertThatThrownBy(() -> Http.get(registry.url() + "/subjects")).isInstanceOf(IOException.class);

      registry.restart();
      assertThat(Http.get(registry.url() + "/subjects").statusCode()).isEqualTo(200);
      assertThat(home.resolve("registry")).isDirectory();
    }
    assertThat(home).doesNotExist();
  }

  @Test
  void restartingARunningRegistryIsRefused() throws Exception {
    try (ThrowawayRegistry registry = ThrowawayRegistry.start("baton-launcher-it-")) {
      assertThatThrownBy(registry::restart)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("registry " + registry.url() + " is running (pid ")
          .hasMessageEndingWith("); call stop() first");
    }
  }
}
