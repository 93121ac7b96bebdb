package io.baton.flink.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.connectors.KafkaClientConfig;
import io.baton.schemas.registry.RegistryConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetTest {
  private static final String URL = "http://127.0.0.1:8085/apis/ccompat/v7";

  @TempDir
  Path jobFiles;

  @Test
  void credentialsGoToAnOwnerOnlyFileAndJobArgumentsNameOnlyItsPath() throws Exception {
    Target target = new Target("k:9092", RegistryConfig.of(URL).withBasicAuth("baton", "s3cret")
        .withProperty("schema.registry.ssl.truststore.location", "/etc/ts.jks"), "http://f:8081", "2s", jobFiles);

    List<String> args = target.jobArgs(target.registryForJobs("sensor-story"), true);

    Path file = jobFiles.resolve("sensor-story.registry.properties");
    assertThat(args).containsExactly("--bootstrap-servers", "k:9092", "--registry-url", URL, "--checkpoint-interval", "2s",
        "--registry-properties-file", file.toString(), "--bounded");
    assertThat(String.join(" ", args)).doesNotContain("s3cret").doesNotContain("baton");
    assertThat(Files.readString(file)).contains("basic.auth.user.info=baton\\:s3cret").contains("/etc/ts.jks");
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void kafkaClientSettingsGoToAnOwnerOnlyFileAndJobArgumentsNameOnlyItsPath() throws Exception {
    KafkaClientConfig kafka = KafkaClientConfig.of("k:9093").withProperty("security.protocol", "SASL_PLAINTEXT")
        .withProperty("sasl.jaas.config", "ScramLoginModule required username=\"baton\" password=\"s3cret\";");
    Target target = new Target(kafka, RegistryConfig.of(URL), "http://f:8081", "2s", jobFiles, TopicDefaults.brokerDefaults());

    List<String> args = target.jobArgs(target.kafkaForJobs("sensor-story"), target.registryForJobs("sensor-story"), false);

    Path file = jobFiles.resolve("sensor-story.kafka.properties");
    assertThat(args).containsExactly("--bootstrap-servers", "k:9093", "--registry-url", URL, "--checkpoint-interval", "2s",
        "--kafka-properties-file", file.toString());
    assertThat(Files.readString(file)).contains("s3cret").contains("security.protocol=SASL_PLAINTEXT");
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThatThrownBy(() -> target.jobArgs(target.registryForJobs("sensor-story"), false))
        .hasMessageStartingWith("Kafka client properties cannot go into job arguments");
  }

  @Test
  void aRegistryWithoutClientPropertiesNeedsNoFile() {
    Target target = new Target("k:9092", RegistryConfig.of(URL), "", "500ms", jobFiles);

    assertThat(target.jobArgs(target.registryForJobs("p"), false))
        .containsExactly("--bootstrap-servers", "k:9092", "--registry-url", URL, "--checkpoint-interval", "500ms");
    assertThat(jobFiles).isEmptyDirectory();
  }

  @Test
  void inlineClientPropertiesAreNeverPutIntoArguments() {
    RegistryConfig withSecret = RegistryConfig.of(URL).withBasicAuth("baton", "s3cret");
    Target target = new Target("k:9092", withSecret, "", "2s", jobFiles);

    assertThatThrownBy(() -> target.jobArgs(withSecret, false))
        .hasMessage("registry client properties [basic.auth.credentials.source, basic.auth.user.info] cannot go into job"
            + " arguments (the Flink web UI shows them); pass registryForJobs(pipeline) instead");
  }

  @Test
  void everyMissingFieldIsReportedAtOnce() {
    assertThatThrownBy(() -> new Target(" ", null, null, "", null))
        .hasMessage("invalid Target: bootstrapServers must not be blank; registry must not be null;"
            + " flinkRestUrl must not be null; checkpointInterval must not be blank, e.g. 2s;"
            + " jobFiles must not be null (a folder the task managers can read, e.g. .baton/jobs)");
  }

  @Test
  void aStageWithItsOwnLoginFileGetsThatFileOthersThePipelines() throws Exception {
    KafkaClientConfig kafka = KafkaClientConfig.of("k:9093").withProperty("security.protocol", "SASL_PLAINTEXT");
    Target target = new Target(kafka, RegistryConfig.of(URL), "http://f:8081", "2s", jobFiles, TopicDefaults.brokerDefaults());
    Path login = Files.writeString(jobFiles.resolve("baton.sensor-story.alerts.kafka.properties"), "sasl.mechanism=X\n");

    assertThat(target.kafkaForStage("sensor-story", "readings")).isEmpty();
    KafkaClientConfig alerts = target.kafkaForStage("sensor-story", "alerts").orElseThrow();
    assertThat(target.jobArgs(alerts, RegistryConfig.of(URL), false)).containsExactly("--bootstrap-servers", "k:9093",
        "--registry-url", URL, "--checkpoint-interval", "2s", "--kafka-properties-file", login.toString());
    assertThat(target.kafkaForStage("other", "alerts")).isEmpty();
  }
}
