package io.baton.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientConfigTest {
  private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
      + " username=\"baton\" password=\"${env:KAFKA_PASSWORD}\";";

  @TempDir
  Path dir;

  @Test
  void referencesAreResolvedWhenTheSettingsAreUsed() throws Exception {
    Path password = dir.resolve("truststore-password");
    Files.writeString(password, "changeit\n");
    KafkaClientConfig config = KafkaClientConfig.of("b:9093").withProperty("sasl.jaas.config", JAAS)
        .withProperty("ssl.truststore.password", "${file:" + password + "}");

    Map<String, String> used = config.clientProperties(Map.of("KAFKA_PASSWORD", "s3cret")::get);

    assertThat(used).containsEntry("sasl.jaas.config", JAAS.replace("${env:KAFKA_PASSWORD}", "s3cret"))
        .containsEntry("ssl.truststore.password", "changeit");
    assertThat(config.properties()).containsEntry("sasl.jaas.config", JAAS);
  }

  @Test
  void anUnsetReferenceNamesTheSettingAndTheReferenceNeverAValue() {
    KafkaClientConfig config = KafkaClientConfig.of("b:9093").withProperty("sasl.jaas.config", JAAS);

    assertThatThrownBy(() -> config.clientProperties(name -> null))
        .hasMessage("sasl.jaas.config refers to ${env:KAFKA_PASSWORD}, which is not set");
  }

  @Test
  void settingsSetHereWinOverTheFilesAndBootstrapServersComeOnlyFromTheConfig() throws Exception {
    Path file = dir.resolve("client.properties");
    Files.writeString(file, "client.id=from-file\nsasl.mechanism=SCRAM-SHA-512\nbootstrap.servers=elsewhere:1\n");
    KafkaClientConfig config = KafkaClientConfig.of("b:9093").withPropertiesFile(file).withProperty("client.id", "inline");

    Properties props = config.asProperties();

    assertThat(props).containsEntry("client.id", "inline").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("bootstrap.servers", "b:9093").hasSize(3);
  }

  @Test
  void writtenPropertiesAreOwnerOnlyAndTheReturnedConfigNamesOnlyTheFile() throws Exception {
    Path file = dir.resolve("jobs/p.kafka.properties");
    KafkaClientConfig config = KafkaClientConfig.of("b:9093").withProperty("sasl.jaas.config", "jaas-secret");

    KafkaClientConfig forJobs = config.writePropertiesTo(file);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(forJobs.properties()).isEmpty();
    assertThat(forJobs.propertiesFile()).contains(file.toAbsolutePath());
    assertThat(forJobs.clientProperties()).containsExactlyEntriesOf(Map.of("sasl.jaas.config", "jaas-secret"));
  }

  @Test
  void withConfigProvidersKafkaResolvesItsOwnReferences() {
    KafkaClientConfig config = KafkaClientConfig.of("b:9093").withProperty("config.providers", "dir")
        .withProperty("ssl.key.password", "${dir:/etc/secrets:key-password}");

    assertThat(config.clientProperties(name -> null)).containsEntry("ssl.key.password", "${dir:/etc/secrets:key-password}");
  }

  @Test
  void toStringShowsTheExpressionWithSecretsMasked() {
    KafkaClientConfig config = KafkaClientConfig.of("b:9093").withProperty("security.protocol", "SASL_SSL")
        .withProperty("ssl.key.password", "hunter2").withProperty("sasl.jaas.config", "${file:/run/secrets/jaas}");

    assertThat(config).hasToString("KafkaClientConfig.of(\"b:9093\").withProperty(\"sasl.jaas.config\","
        + " \"${file:/run/secrets/jaas}\").withProperty(\"security.protocol\", \"SASL_SSL\")"
        + ".withProperty(\"ssl.key.password\", \"****\")");
  }

  @Test
  void bootstrapServersMustBeGivenAndNotAsAProperty() {
    assertThatThrownBy(() -> KafkaClientConfig.of(" ")).hasMessage("bootstrapServers must not be blank, got ' '");
    assertThatThrownBy(() -> KafkaClientConfig.of("b:9093").withProperty("bootstrap.servers", "c:9093"))
        .hasMessage("property key must be non-blank and not bootstrap.servers, got 'bootstrap.servers'");
  }
}
