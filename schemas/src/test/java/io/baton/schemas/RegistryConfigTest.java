package io.baton.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
}
