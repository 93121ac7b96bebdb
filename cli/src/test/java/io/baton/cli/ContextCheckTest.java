package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.connectors.KafkaClientConfig;
import io.baton.flink.deploy.TopicDefaults;
import io.baton.schemas.registry.RegistryConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextCheckTest {
  @TempDir
  Path dir;

  private Context shared(KafkaClientConfig kafka, RegistryConfig registry) {
    return Context.remote("shared", dir.resolve("config.yaml"), "http://f:8081", null, kafka, registry,
        TopicDefaults.brokerDefaults());
  }

  @Test
  void aFileOthersCanReadAndAnUnsetReferenceAreReportedTogetherWithoutValues() throws Exception {
    Path secrets = dir.resolve("kafka.properties");
    Files.writeString(secrets, "sasl.jaas.config=ScramLoginModule required username=\"u\" password=\"hunter2\";\n");
    Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-r--r--"));
    Context context = shared(KafkaClientConfig.of("b:9093").withPropertiesFile(secrets),
        RegistryConfig.of("http://r:8085").withProperty("basic.auth.user.info", "${env:REGISTRY_USER_INFO}"));

    assertThatThrownBy(() -> ContextCheck.require(context, name -> null)).isInstanceOf(CliException.class)
        .hasMessage("context 'shared' (" + dir.resolve("config.yaml") + ") cannot be used: kafka.propertiesFile " + secrets
            + " can be read or changed by others (rw-r--r--); make it owner-only: chmod 600 " + secrets
            + " (a Kubernetes Secret volume: defaultMode: 0400, or 0440 with the pod's fsGroup); "
            + "registry: basic.auth.user.info refers to ${env:REGISTRY_USER_INFO}, which is not set")
        .message().doesNotContain("hunter2");
  }

  @Test
  void anOwnerOnlyFileAndSetReferencesPassAndTheRegistryGetsResolvedSettings() throws Exception {
    Path secrets = dir.resolve("kafka.properties");
    Files.writeString(secrets, "sasl.mechanism=SCRAM-SHA-512\n");
    Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
    Context context = shared(KafkaClientConfig.of("b:9093").withPropertiesFile(secrets),
        RegistryConfig.of("http://r:8085").withProperty("basic.auth.user.info", "${env:REGISTRY_USER_INFO}"));
    Map<String, String> env = Map.of("REGISTRY_USER_INFO", "baton:s3cret");

    assertThat(ContextCheck.problems(context, env::get)).isEmpty();
    assertThat(ContextCheck.resolvedRegistry(context, env::get).properties())
        .containsEntry("basic.auth.user.info", "baton:s3cret");
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("nope.properties");
    Context context = shared(KafkaClientConfig.of("b:9093").withPropertiesFile(missing), RegistryConfig.of("http://r:8085"));

    assertThat(ContextCheck.problems(context, name -> null))
        .containsExactly("kafka.propertiesFile " + missing + " does not exist or cannot be read");
  }
}
