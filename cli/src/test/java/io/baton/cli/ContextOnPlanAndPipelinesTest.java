package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --context} on the commands that need no servers: plan says where it would run, pipelines what runs there. */
class ContextOnPlanAndPipelinesTest {
  @TempDir
  Path dir;

  private int closedPort;

  @BeforeEach
  void pointAtATestContextsFile() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort(); // nothing listens there once closed
    }
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, """
        contexts:
          shared:
            flink: {rest: "http://127.0.0.1:%d"}
            kafka:
              bootstrap: "broker-1:9093,broker-2:9093"
              propertiesFile: /nowhere/client.properties
            registry: {url: "https://registry.example.com/apis/ccompat/v7"}
            topics: {partitions: 6, replicationFactor: 3, configs: {min.insync.replicas: 2}}
          dev:
            flink: {rest: "http://dev:8081"}
            kafka: {bootstrap: "dev:9092"}
            registry: {url: "http://dev:8085/apis/ccompat/v7"}
        """.formatted(closedPort));
    TestContextsFile.use(file);
  }

  @AfterEach
  void forgetIt() {
    TestContextsFile.restore();
  }

  @Test
  void planWithAContextSaysWhereRunWouldPutItWithoutCheckingItsFiles() {
    CliRun plan = CliRun.of("plan", "sensor-story", "--context", "shared");
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out()).endsWith("""

        Context shared
            flink      http://127.0.0.1:%d
            kafka      broker-1:9093,broker-2:9093
            registry   https://registry.example.com/apis/ccompat/v7
            topics     6 partitions where a stage declares none, replication factor 3, configs min.insync.replicas=2
        """.formatted(closedPort));
    assertThat(CliRun.of("plan", "sensor-story", "--context", "dev").out()).endsWith(
        "    topics     the broker's partitions where a stage declares none, the broker's replication factor\n");
    assertThat(CliRun.of("plan", "sensor-story", "--context", "local").out()).endsWith(
        "\nContext local\n    the local stack (./baton up); topics with the broker's defaults\n");
  }

  @Test
  void planWithoutAContextLeavesTheContextsFileAlone() throws Exception {
    Files.writeString(dir.resolve("config.yaml"), "contexts: [broken\n");
    CliRun plan = CliRun.of("plan", "sensor-story");
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out()).doesNotContain("Context ");
    assertThat(CliRun.of("plan", "sensor-story", "--context", "shared").err()).startsWith("baton: invalid contexts file");
  }

  @Test
  void anUnknownContextListsTheKnownOnes() {
    CliRun plan = CliRun.of("plan", "sensor-story", "--context", "staging");
    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.err()).isEqualTo(
        "baton: no context 'staging' (--context); the contexts are: local, shared, dev (see: ./baton context list)\n");
    assertThat(CliRun.of("pipelines", "--context", "staging").err()).isEqualTo(plan.err());
  }

  @Test
  void pipelinesWithAContextWhoseFlinkDoesNotAnswerStillListsAndSaysSo() {
    CliRun pipelines = CliRun.of("pipelines", "--context", "shared");
    assertThat(pipelines.exitCode()).as(pipelines.err()).isZero();
    assertThat(pipelines.out()).contains("  sensor-story", "nexmark-hot-items").doesNotContain("runs on");
    assertThat(pipelines.err()).startsWith("baton: warning: cannot tell which pipelines run on context 'shared': Flink at"
        + " http://127.0.0.1:" + closedPort + " did not answer (").hasLineCount(1);
    CliRun local = CliRun.of("pipelines", "--context", "local", "--home", dir.resolve("stack").toString());
    assertThat(local.exitCode()).isZero();
    assertThat(local.err()).startsWith("baton: warning: cannot tell which pipelines run on context 'local': Flink at");
    assertThat(CliRun.of("pipelines").err()).isEmpty();
  }

  @Test
  void theLocalStacksCommandsRefuseAContextElsewhere() {
    String home = dir.resolve("stack").toString();
    for (String command : new String[] {"up", "down", "logs"}) {
      CliRun run = command.equals("logs") ? CliRun.of("logs", "kafka", "--context", "shared", "--home", home)
          : CliRun.of(command, "--context", "shared", "--home", home);
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).isEqualTo("baton: " + command + " works on the local stack only; context 'shared' is servers"
          + " elsewhere (Flink at http://127.0.0.1:" + closedPort + "); leave out --context or use --context local\n");
    }
    CliRun down = CliRun.of("down", "--context", "local", "--home", home);
    assertThat(down.exitCode()).as(down.err()).isZero();
  }
}
