package io.baton.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretKeysTest {
  @Test
  void secretSettingsAreMaskedUnlessTheyOnlyReferToTheSecret() {
    assertThat(SecretKeys.shown("sasl.jaas.config", "ScramLoginModule required password=\"x\";")).isEqualTo("****");
    assertThat(SecretKeys.shown("sasl.jaas.config", "ScramLoginModule required password=\"${env:P}\";")).isEqualTo("****");
    assertThat(SecretKeys.shown("ssl.truststore.password", "${env:TS_PASSWORD}")).isEqualTo("${env:TS_PASSWORD}");
    assertThat(SecretKeys.shown("basic.auth.user.info", "${file:/run/secrets/registry}")).isEqualTo("${file:/run/secrets/registry}");
    assertThat(SecretKeys.shown("security.protocol", "SASL_SSL")).isEqualTo("SASL_SSL");
  }

  @Test
  void passwordsKeysTokensAndJaasAreSecret() {
    assertThat(SecretKeys.isSecret("ssl.keystore.password")).isTrue();
    assertThat(SecretKeys.isSecret("ssl.keystore.key")).isTrue();
    assertThat(SecretKeys.isSecret("sasl.oauthbearer.client.credentials.client.secret")).isTrue();
    assertThat(SecretKeys.isSecret("ssl.truststore.location")).isFalse();
    assertThat(SecretKeys.isSecret("sasl.mechanism")).isFalse();
    assertThat(SecretKeys.isSecret("basic.auth.credentials.source")).isFalse();
    assertThat(SecretKeys.isSecret("sasl.oauthbearer.token.endpoint.url")).isFalse();
  }
}
