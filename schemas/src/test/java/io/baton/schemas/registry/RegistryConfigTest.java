package io.baton.schemas.registry;

import io.baton.schemas.TestSchemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryConfigTest {

  @Test
  void urlMustBeHttpHttpsOrMock() {
    assertThatThrownBy(() -> RegistryConfig.of("ftp://x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid RegistryConfig: url must start with http://, https:// or mock://, got 'ftp://x'");
    assertThatThrownBy(() -> RegistryConfig.of(" "))
        .hasMessage("invalid RegistryConfig: url must not be blank, got ' '");
    assertThatThrownBy(() -> RegistryConfig.of("mock://"))
        .hasMessage("invalid RegistryConfig: url mock:// needs a scope name, e.g. mock://tests, got 'mock://'");
  }

  @Test
  void basicAuthSetsTheClientPropertiesAndToStringMasksTheSecret() {
    RegistryConfig config = RegistryConfig.of("https://registry:8081").withBasicAuth("baton", "s3cret")
        .withProperty("schema.registry.ssl.truststore.location", "/tmp/ts.jks");

    assertThat(config.properties())
        .containsEntry("basic.auth.credentials.source", "USER_INFO")
        .containsEntry("basic.auth.user.info", "baton:s3cret")
        .containsEntry("schema.registry.ssl.truststore.location", "/tmp/ts.jks");
    assertThat(config.toString())
        .isEqualTo("RegistryConfig.of(\"https://registry:8081\")"
            + ".withProperty(\"basic.auth.credentials.source\", \"USER_INFO\")"
            + ".withProperty(\"basic.auth.user.info\", \"****\")"
            + ".withProperty(\"schema.registry.ssl.truststore.location\", \"/tmp/ts.jks\")")
        .doesNotContain("s3cret");
  }

  @Test
  void basicAuthUserMustNotContainAColon() {
    assertThatThrownBy(() -> RegistryConfig.of("http://r").withBasicAuth("a:b", "p"))
        .hasMessage("basic auth user must be non-blank without ':', got 'a:b'");
  }

  @Test
  void cacheCapacityMustBePositive() {
    assertThatThrownBy(() -> RegistryConfig.of("http://r").withCacheCapacity(0))
        .hasMessage("cacheCapacity must be positive, got 0");
  }

  @Test
  void configSurvivesJavaSerialization() throws Exception {
    RegistryConfig config = RegistryConfig.of("http://r:1").withBasicAuth("u", "p").withCacheCapacity(10);

    assertThat(TestSchemas.javaRoundTrip(config)).isEqualTo(config);
  }

  @Test
  void inMemoryConfigUsesAMockUrl() {
    RegistryConfig config = RegistryConfig.inMemory("unit");

    assertThat(config.isInMemory()).isTrue();
    assertThat(config.url()).isEqualTo("mock://unit");
  }

  @Test
  void propertiesSetOnTheConfigWinOverThoseOfItsFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("client.properties");
    Files.writeString(file, "basic.auth.credentials.source=USER_INFO\nbasic.auth.user.info=old:pw\nhttp.connect.timeout.ms=900\n");
    RegistryConfig config = RegistryConfig.of("http://r:1").withPropertiesFile(file).withBasicAuth("new", "pw2");

    assertThat(config.clientProperties()).isEqualTo(Map.of("basic.auth.credentials.source", "USER_INFO",
        "basic.auth.user.info", "new:pw2", "http.connect.timeout.ms", "900"));
    assertThat(config.hasClientProperties()).isTrue();
    assertThat(RegistryConfig.of("http://r:1").hasClientProperties()).isFalse();
  }

  @Test
  void aMissingPropertiesFileIsNamedWhenConnecting(@TempDir Path dir) {
    Path missing = dir.resolve("nope.properties");
    RegistryConfig config = RegistryConfig.of("http://r:1").withPropertiesFile(missing);

    assertThatThrownBy(config::clientProperties)
        .hasMessageStartingWith("cannot read the schema registry client properties file " + missing + ": ")
        .hasMessageEndingWith("; it must exist and be readable by the user this process (or the Flink task manager) runs as");
  }

  @Test
  void writtenPropertiesAreOwnerOnlyAndTheReturnedConfigHoldsJustUrlAndPath(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("jobs/p.registry.properties");
    RegistryConfig shipped = RegistryConfig.of("http://r:1").withBasicAuth("u", "pa:ss").writePropertiesTo(file);

    assertThat(shipped.properties()).isEmpty();
    assertThat(shipped.propertiesFile()).contains(file.toAbsolutePath());
    assertThat(shipped.clientProperties()).containsEntry("basic.auth.user.info", "u:pa:ss");
    assertThat(shipped.toString()).isEqualTo("RegistryConfig.of(\"http://r:1\").withPropertiesFile(Path.of(\"" + file + "\"))");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(TestSchemas.javaRoundTrip(shipped)).isEqualTo(shipped);
  }
}
