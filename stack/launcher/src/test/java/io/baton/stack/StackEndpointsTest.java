package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackEndpointsTest {
  private final Ports ports = Ports.of(19092, 19093, 18085, 18081, 16123);

  @TempDir
  Path home;

  @Test
  void aPlainStackNeedsNoKafkaClientProperties() {
    StackEndpoints e = StackEndpoints.of(ports);
    assertThat(e.isSecure()).isFalse();
    assertThat(e.kafkaClientProperties()).isEmpty();
    assertThat(e.kafkaClientConfig()).containsOnly(org.assertj.core.api.Assertions.entry("bootstrap.servers", "127.0.0.1:19092"));
  }

  @Test
  void aSecureStacksClientPropertiesAreTheAdminsFromItsFile() throws Exception {
    StackSecrets secrets = new StackSecrets(StackLayout.at(home));
    ScramClient admin = secrets.adminOrCreate();
    secrets.writeAdminClientProperties(admin);

    StackEndpoints e = StackEndpoints.secure(ports, home.resolve("secure/kafka-admin-client.properties"));

    assertThat(e.kafkaSecurity()).isEqualTo(KafkaSecurity.SCRAM);
    assertThat(e.kafkaClientProperties()).isEqualTo(new java.util.TreeMap<>(admin.properties()));
    assertThat(e.kafkaClientConfig()).containsEntry("bootstrap.servers", "127.0.0.1:19092")
        .containsAllEntriesOf(admin.properties());
  }

  @Test
  void aMissingAdminFileIsAClearError() {
    Path missing = home.resolve("secure/kafka-admin-client.properties");
    assertThatThrownBy(() -> StackEndpoints.secure(ports, missing).kafkaClientProperties())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot read the secure stack's Kafka admin client properties " + missing + ": ")
        .hasMessageEndingWith("; 'baton up --secure' writes it");
  }
}
