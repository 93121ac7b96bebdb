package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RegistryServerTest {
  private final StackConfig config = StackConfig.builder()
      .repo(Path.of("/repo")).home(Path.of("/state")).ports(Ports.defaults().withRegistry(18085)).build();

  @Test
  void runsTheApicurioRunnerOnLoopbackWithAFileDatabase() {
    assertThat(new RegistryServer(config).command().toList()).contains(
        "-Dbaton.component=registry", "-Dbaton.home=/state",
        "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=18085",
        "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:/state/registry/db")
        .endsWith("-jar", "/repo/stack/registry-runtime/target/registry/apicurio-registry-app-" + RegistryServer.VERSION
            + "-runner.jar");
  }

  @Test
  void versionIsThePomsAsTheBuildFilteredItIn() {
    // Surefire passes the pom's apicurio.version; the launcher reads its own copy from versions.properties.
    assertThat(RegistryServer.VERSION).isEqualTo(System.getProperty("baton.test.apicurio.version"))
        .matches("\\d+\\.\\d+\\.\\d+\\.Final");
  }

  @Test
  void endpointIsTheConfluentCompatibleApi() {
    assertThat(new RegistryServer(config).endpoint()).isEqualTo("http://127.0.0.1:18085/apis/ccompat/v7");
  }
}
