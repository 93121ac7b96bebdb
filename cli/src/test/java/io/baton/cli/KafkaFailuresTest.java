package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.connectors.KafkaClientConfig;
import io.baton.flink.deploy.TopicDefaults;
import io.baton.schemas.registry.RegistryConfig;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.IllegalSaslStateException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class KafkaFailuresTest {
  private static final Path FILE = Path.of("/home/u/.config/baton/config.yaml");
  private static final Path SECRETS = Path.of("/etc/baton/kafka/client.properties");

  private static Context shared(KafkaClientConfig kafka) {
    return Context.remote("shared", FILE, "http://f:8081", null, kafka, RegistryConfig.of("http://r:8085"),
        TopicDefaults.brokerDefaults());
  }

  @Test
  void refusedCredentialsNameTheContextTheServersAndTheFileHoldingThem() {
    Context context = shared(KafkaClientConfig.of("b:9093").withProperty("sasl.mechanism", "SCRAM-SHA-512")
        .withPropertiesFile(SECRETS));
    Exception failure = new ExecutionException(new SaslAuthenticationException(
        "Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512"));

    assertThat(KafkaFailures.describe(failure, context)).contains("context 'shared': Kafka at b:9093 refused the"
        + " credentials (SASL/SCRAM-SHA-512 authentication failed); check kafka.propertiesFile " + SECRETS);
  }

  @Test
  void credentialsSetInTheContextsFileAreNamedThere() {
    Context context = shared(KafkaClientConfig.of("b:9093").withProperty("sasl.mechanism", "PLAIN")
        .withProperty("sasl.jaas.config", "PlainLoginModule required username=\"u\" password=\"${env:P}\";"));

    assertThat(KafkaFailures.describe(new SaslAuthenticationException("bad"), context)).contains("context 'shared':"
        + " Kafka at b:9093 refused the credentials (SASL/PLAIN authentication failed); check"
        + " contexts.shared.kafka.properties.sasl.jaas.config in " + FILE);
  }

  @Test
  void aLoginTheBrokerDoesNotOfferIsReportedWithKafkasReason() {
    Context context = shared(KafkaClientConfig.of("b:9092").withProperty("sasl.mechanism", "PLAIN")
        .withPropertiesFile(SECRETS));

    assertThat(KafkaFailures.describe(new IllegalSaslStateException("Unexpected handshake request with client mechanism"
        + " PLAIN, enabled mechanisms are []"), context)).contains("context 'shared': Kafka at b:9092 refused the login"
        + " (SASL/PLAIN: Unexpected handshake request with client mechanism PLAIN, enabled mechanisms are []); check"
        + " kafka.propertiesFile " + SECRETS);
  }

  @Test
  void aMissingAclIsReportedAsDenied() {
    Context context = shared(KafkaClientConfig.of("b:9093").withPropertiesFile(SECRETS));

    assertThat(KafkaFailures.describe(new RuntimeException(new TopicAuthorizationException("Not authorized to access"
        + " topics: [sensors.readings]")), context)).contains("context 'shared': Kafka at b:9093 denied an operation"
        + " (TopicAuthorizationException: Not authorized to access topics: [sensors.readings]); the user in"
        + " kafka.propertiesFile " + SECRETS + " needs ACLs for it");
  }

  @Test
  void otherFailuresAreLeftAlone() {
    assertThat(KafkaFailures.describe(new IllegalStateException("x"), Context.LOCAL)).isEmpty();
  }
}
