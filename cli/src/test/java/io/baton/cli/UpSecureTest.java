package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.stack.KafkaSecurity;
import io.baton.stack.StackLayout;
import io.baton.stack.StackState;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code up --secure} and {@code status} say about a stack's Kafka security, without starting servers. */
class UpSecureTest {
  @TempDir
  Path home;

  /** A state folder whose Kafka storage was formatted with {@code security}. */
  private void kafkaFormatted(KafkaSecurity security) throws Exception {
    new StackState(StackLayout.at(home)).recordKafkaSecurity(security);
    Files.createDirectories(home.resolve("kafka/data"));
    Files.writeString(home.resolve("kafka/data/meta.properties"), "version=1\n");
  }

  @Test
  void upSecureOnAStackSetUpPlainIsRefusedWithTheWayToAFreshOne() throws Exception {
    kafkaFormatted(KafkaSecurity.PLAIN);

    CliRun up = CliRun.at(home, "up", "--secure");

    assertThat(up.exitCode()).isEqualTo(1);
    assertThat(up.err()).isEqualTo("baton: the stack in " + home + " was set up plain: its Kafka data has no SCRAM users"
        + " and no ACLs, so it cannot start secure; nothing was started. For a secure stack use a fresh state folder:"
        + " delete " + home + " (its topics, schemas and checkpoints go with it) or pass --home <another folder>"
        + System.lineSeparator());
    assertThat(home.resolve("secure")).doesNotExist();
    assertThat(home.resolve("run")).doesNotExist();
  }

  @Test
  void statusOfAStoppedSecureStackSaysHowKafkaLetsClientsInAndWhereTheAdminFileIs() throws Exception {
    kafkaFormatted(KafkaSecurity.SCRAM);

    CliRun status = CliRun.at(home, "status");

    assertThat(status.exitCode()).isZero();
    assertThat(status.out().lines()).contains(
        "  Kafka security           SASL_PLAINTEXT, SCRAM-SHA-512, ACLs (StandardAuthorizer, deny when no ACL), super-user admin",
        "  Kafka admin client       " + home.resolve("secure/kafka-admin-client.properties") + " (owner-only, holds the password)",
        "Baton stack is down (state: " + home + ")");
  }

  @Test
  void statusOfAPlainStackIsAsBefore() throws Exception {
    kafkaFormatted(KafkaSecurity.PLAIN);

    assertThat(CliRun.at(home, "status").out()).doesNotContain("Kafka security").doesNotContain("admin");
  }
}
