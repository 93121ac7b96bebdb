package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextCommandTest {
  private static final String FILE = """
      current-context: shared
      contexts:
        shared:
          flink: {rest: "https://flink.example.com:8081"}
          kafka:
            bootstrap: "broker:9093"
            properties:
              security.protocol: SASL_SSL
              sasl.jaas.config: ScramLoginModule required username="baton" password="${env:SHARED_KAFKA_PASSWORD}";
              ssl.truststore.password: ${file:/run/secrets/truststore-password}
            propertiesFile: /etc/baton/kafka/client.properties
          registry:
            url: "https://registry.example.com/apis/ccompat/v7"
            properties:
              basic.auth.credentials.source: USER_INFO
              basic.auth.user.info: ${env:REGISTRY_USER_INFO}
          topics: {replicationFactor: 3}
        dev:
          flink: {rest: "http://dev:8081"}
          kafka: {bootstrap: "dev:9092"}
          registry: {url: "http://dev:8085/apis/ccompat/v7"}
      """;

  @TempDir
  Path dir;

  @BeforeEach
  void pointAtATestContextsFile() throws Exception {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, FILE);
    TestContextsFile.use(file);
  }

  @AfterEach
  void forgetIt() {
    TestContextsFile.restore();
  }

  @Test
  void showMasksSecretsAndShowsReferencesAsWritten() {
    CliRun show = CliRun.of("context", "show");

    assertThat(show.exitCode()).as(show.err()).isZero();
    assertThat(show.out()).isEqualTo("""
        context: shared (current)
        file: %s
        flink:
          rest: https://flink.example.com:8081
        kafka:
          bootstrap: broker:9093
          properties:
            sasl.jaas.config: ****
            security.protocol: SASL_SSL
            ssl.truststore.password: ${file:/run/secrets/truststore-password}
          propertiesFile: /etc/baton/kafka/client.properties   # not shown
        registry:
          url: https://registry.example.com/apis/ccompat/v7
          properties:
            basic.auth.credentials.source: USER_INFO
            basic.auth.user.info: ${env:REGISTRY_USER_INFO}
        topics:
          partitions: the broker's default
          replicationFactor: 3
        """.formatted(dir.resolve("config.yaml")));
  }

  @Test
  void listMarksTheCurrentContextAndUseChangesIt() {
    CliRun list = CliRun.of("context", "list");
    CliRun use = CliRun.of("context", "use", "dev");
    CliRun after = CliRun.of("context", "list");

    assertThat(list.out()).contains("* shared          https://flink.example.com:8081      broker:9093")
        .contains("  local           the local stack (./baton up)");
    assertThat(use.out()).startsWith("Commands now use context dev");
    assertThat(after.out()).contains("* dev             http://dev:8081").contains("  shared ");
  }

  @Test
  void anUnknownContextFailsTheCommandNamingTheKnownOnes() {
    CliRun run = CliRun.of("stop", "sensor-story", "--context", "staging");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.err()).isEqualTo("baton: no context 'staging' (--context); the contexts are: local, shared, dev"
        + " (see: ./baton context list)\n");
  }
}
