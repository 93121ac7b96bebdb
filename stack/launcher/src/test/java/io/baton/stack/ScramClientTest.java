package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScramClientTest {
  @Test
  void propertiesAreTheSaslPlaintextScramSettingsWithTheUsersJaasLine() {
    assertThat(ScramClient.of("alice", "s3cret").properties()).containsExactly(
        org.assertj.core.api.Assertions.entry("security.protocol", "SASL_PLAINTEXT"),
        org.assertj.core.api.Assertions.entry("sasl.mechanism", "SCRAM-SHA-512"),
        org.assertj.core.api.Assertions.entry("sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"alice\" password=\"s3cret\";"));
  }

  @Test
  void quotesAndBackslashesInAPasswordAreEscapedForJaas() {
    assertThat(ScramClient.of("bob", "a\"b\\c").properties().get("sasl.jaas.config"))
        .endsWith("username=\"bob\" password=\"a\\\"b\\\\c\";");
  }

  @Test
  void toStringNeverShowsThePassword() {
    assertThat(ScramClient.of("alice", "s3cret")).hasToString("ScramClient.of(alice, ***)");
  }

  @Test
  void blankUserAndEmptyPasswordAreRefused() {
    assertThatThrownBy(() -> ScramClient.of(" ", "p")).hasMessage("user must not be blank");
    assertThatThrownBy(() -> ScramClient.of("carol", "")).hasMessage("password of user carol must not be empty");
  }
}
