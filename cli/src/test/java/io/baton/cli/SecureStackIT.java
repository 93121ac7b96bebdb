package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.stack.Component;
import io.baton.stack.ComponentStatus;
import io.baton.stack.KafkaSecurity;
import io.baton.stack.LocalStack;
import io.baton.stack.Ports;
import io.baton.stack.RepoRoot;
import io.baton.stack.StackConfig;
import io.baton.stack.StackEndpoints;
import io.baton.stack.StackLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baton up --secure} on free ports and a temporary state folder, once for the ordered tests below: what it
 * prints and writes, that the admin client from the stack's endpoints works, and that after {@code down} a plain
 * {@code up} starts the stack secure again, with its topics. (The broker's SCRAM, ACL and denial behaviour is
 * tested in stack/launcher's SecureKafkaIT.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecureStackIT {
  @TempDir
  static Path home;

  private final Ports ports = Ports.freeEphemeral();
  private StackLayout layout;

  @BeforeAll
  void layout() {
    layout = StackLayout.at(home);
  }

  @AfterAll
  void neverLeaveServersBehind() {
    CliRun.at(home, "down");
  }

  private LocalStack stack() throws Exception {
    return new LocalStack(StackConfig.builder().repo(RepoRoot.locate()).home(home).ports(ports).build());
  }

  private String password() throws Exception {
    return Files.readString(layout.adminPassword()).strip();
  }

  private static String permissions(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private CliRun up(String... flags) {
    List<String> args = new java.util.ArrayList<>(List.of("up", "--kafka-port", "" + ports.kafka(),
        "--kafka-controller-port", "" + ports.kafkaController(), "--registry-port", "" + ports.registry(),
        "--flink-port", "" + ports.flinkRest(), "--flink-rpc-port", "" + ports.flinkRpc()));
    args.addAll(List.of(flags));
    return CliRun.at(home, args.toArray(String[]::new));
  }

  @Test
  @Order(1)
  void upSecureStartsEveryServerAndNamesTheAdminFileButNeverThePassword() throws Exception {
    CliRun up = up("--secure");

    assertThat(up.exitCode()).as(up.err()).isZero();
    for (Component c : Component.values()) {
      assertThat(up.out()).containsPattern("(?m)^" + c.id() + " +ready after +\\d+\\.\\d s");
    }
    assertThat(up.out()).contains(
        "  Kafka security           " + KafkaSecurity.SCRAM.describe(),
        "  Kafka admin client       " + layout.adminClientProperties() + " (owner-only, holds the password)");
    assertThat(up.out() + up.err()).doesNotContain(password());
    assertThat(password()).hasSize(32);
    assertThat(permissions(layout.secureDir())).isEqualTo("rwx------");
    assertThat(permissions(layout.adminPassword())).isEqualTo("rw-------");
    assertThat(permissions(layout.adminClientProperties())).isEqualTo("rw-------");
  }

  @Test
  @Order(2)
  void statusShowsTheStackUpAndSecure() {
    CliRun status = CliRun.at(home, "status");
    assertThat(status.out()).contains("Baton stack is up", "Kafka security           SASL_PLAINTEXT, SCRAM-SHA-512",
        "Kafka admin client       " + layout.adminClientProperties());
  }

  @Test
  @Order(3)
  void theStacksEndpointsGiveAWorkingAdminClient() throws Exception {
    StackEndpoints endpoints = stack().endpoints();
    assertThat(endpoints.isSecure()).isTrue();
    try (Admin admin = Admin.create(endpoints.kafkaClientConfig())) {
      admin.createTopics(List.of(new NewTopic("secure.kept", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("secure.kept");
    }
    assertThat(stack().status()).allMatch(ComponentStatus::isUp);
  }

  @Test
  @Order(4)
  void afterDownAPlainUpStartsItSecureAgainWithTheSamePasswordAndTopics() throws Exception {
    String before = password();
    assertThat(CliRun.at(home, "down").exitCode()).isZero();

    CliRun up = CliRun.at(home, "up");

    assertThat(up.exitCode()).as(up.err()).isZero();
    assertThat(up.out()).contains("Kafka security           " + KafkaSecurity.SCRAM.describe());
    assertThat(password()).isEqualTo(before);
    try (Admin admin = Admin.create(stack().endpoints().kafkaClientConfig())) {
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("secure.kept");
    }
    assertThat(Set.copyOf(stack().status().stream().map(ComponentStatus::isUp).toList())).containsExactly(true);
  }
}
