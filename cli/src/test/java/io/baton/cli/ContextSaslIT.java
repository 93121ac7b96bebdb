package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.flink.deploy.FlinkRest;
import io.baton.stack.Ports;
import io.baton.stack.StackEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.io.Reader;
import java.io.Writer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end through a context that points at a secure local stack ({@code baton up --secure}: a
 * SASL/SCRAM-SHA-512 listener, the StandardAuthorizer, an admin super-user whose client settings are in the
 * owner-only {@code <home>/secure/kafka-admin-client.properties}); and a wrong password failing with one line naming
 * the context and the file; and the {@code local} context reaching the secure stack with its admin file.
 */
class ContextSaslIT {
  @TempDir
  Path home;

  @TempDir
  Path config;

  private final Ports ports = Ports.freeEphemeral();
  private final StackEndpoints endpoints = StackEndpoints.of(ports);

  @AfterEach
  void neverLeaveServersBehind() {
    TestContextsFile.restore();
    CliRun.at(home, "stop", "sensor-story", "--context", "secure");
    CliRun.at(home, "down");
  }

  @Test
  void theDemoRunsThroughAScramContextAndAWrongPasswordFailsInOneLine() throws Exception {
    CliRun up = CliRun.at(home, "up", "--secure", "--kafka-port", "" + ports.kafka(), "--kafka-controller-port",
        "" + ports.kafkaController(), "--registry-port", "" + ports.registry(), "--flink-port", "" + ports.flinkRest(),
        "--flink-rpc-port", "" + ports.flinkRpc());
    assertThat(up.exitCode()).as(up.err()).isZero();
    Path admin = home.resolve("secure/kafka-admin-client.properties");
    Path wrong = config.resolve("wrong-client.properties");
    writeWithWrongPassword(admin, wrong);
    writeContexts(admin, wrong);

    CliRun refused = CliRun.at(home, "run", "sensor-story", "--context", "secure-wrong");

    assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(refused.err()).isEqualTo("baton: context 'secure-wrong': Kafka at " + endpoints.kafkaBootstrapServers()
        + " refused the credentials (SASL/SCRAM-SHA-512 authentication failed); check kafka.propertiesFile " + wrong + "\n");

    CliRun demo = CliRun.at(home, "demo", "--context", "secure");

    assertThat(demo.exitCode()).as(demo.err()).isZero();
    assertThat(demo.out()).contains("All 3 jobs are RUNNING").contains("--context secure");
    assertThat(demo.out() + demo.err()).doesNotContain(password(admin));

    CliRun stop = CliRun.at(home, "stop", "sensor-story", "--context", "secure");
    assertThat(stop.exitCode()).as(stop.err()).isZero();
    FlinkRest flink = new FlinkRest(endpoints.flinkWebUrl());
    await().atMost(Duration.ofMinutes(1)).until(() -> StopCommand.runningJobs(flink, "sensor-story").isEmpty());
    CliRun localReset = CliRun.at(home, "reset", "sensor-story", "--yes");
    assertThat(localReset.exitCode()).as("the local context reaches a secure stack with its admin file: "
        + localReset.err()).isZero();
    assertThat(localReset.out()).contains("Deleted 7 topics");
  }

  private void writeContexts(Path admin, Path wrong) throws Exception {
    String servers = """
          flink: {rest: "%s", jobFiles: "%s"}
          registry: {url: "%s"}
        """.formatted(endpoints.flinkWebUrl(), home.resolve("jobs"), endpoints.registryUrl()).indent(2).stripTrailing();
    Files.writeString(config.resolve("config.yaml"), """
        contexts:
          secure:
        %s
            kafka: {bootstrap: "%s", propertiesFile: "%s"}
          secure-wrong:
        %s
            kafka: {bootstrap: "%s", propertiesFile: "%s"}
        """.formatted(servers, endpoints.kafkaBootstrapServers(), admin, servers, endpoints.kafkaBootstrapServers(), wrong));
    TestContextsFile.use(config.resolve("config.yaml"));
  }

  private static String password(Path adminProperties) throws Exception {
    String jaas = load(adminProperties).getProperty("sasl.jaas.config");
    int start = jaas.indexOf("password=\"") + "password=\"".length();
    return jaas.substring(start, jaas.indexOf('"', start));
  }

  private static void writeWithWrongPassword(Path admin, Path wrong) throws Exception {
    Properties p = load(admin);
    p.setProperty("sasl.jaas.config", p.getProperty("sasl.jaas.config").replace(password(admin), "not-the-password"));
    Files.createFile(wrong, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (Writer w = Files.newBufferedWriter(wrong)) {
      p.store(w, null);
    }
    assertThat(List.of(p.getProperty("sasl.mechanism"))).containsExactly("SCRAM-SHA-512");
  }

  private static Properties load(Path file) throws Exception {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    }
    return p;
  }
}
