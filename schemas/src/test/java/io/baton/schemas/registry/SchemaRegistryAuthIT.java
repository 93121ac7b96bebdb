package io.baton.schemas.registry;

import io.baton.schemas.ApicurioRegistryExtension;
import io.baton.schemas.BasicAuthProxy;
import io.baton.schemas.TestSchemas;
import io.baton.schemas.wire.WireDecoder;
import io.baton.schemas.wire.WireEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.schemas.sensor.Reading;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Basic auth through Confluent's client to a registry that demands it (Apicurio behind {@link BasicAuthProxy}). */
@ExtendWith(ApicurioRegistryExtension.class)
class SchemaRegistryAuthIT {
  private static final String USER = "baton";
  private static final String PASSWORD = "s3cret-" + UUID.randomUUID();

  private BasicAuthProxy proxy;
  private String subject;

  @BeforeEach
  void setUp(ApicurioRegistryExtension.Registry apicurio) throws Exception {
    proxy = BasicAuthProxy.start(apicurio.ccompatUrl(), USER, PASSWORD);
    subject = "auth-" + UUID.randomUUID() + "-value";
  }

  @AfterEach
  void tearDown() {
    proxy.close();
  }

  @Test
  void theRightCredentialsRegisterAndFetchThroughTheProxy() {
    try (SchemaRegistry registry = SchemaRegistry.connect(RegistryConfig.of(proxy.url()).withBasicAuth(USER, PASSWORD))) {
      int id = registry.register(subject, Reading.getClassSchema());

      assertThat(registry.schemaById(id)).isEqualTo(Reading.getClassSchema());
      assertThat(registry.latest(subject)).hasValueSatisfying(latest -> assertThat(latest.id()).isEqualTo(id));
    }
    assertThat(proxy.admitted()).isPositive();
    assertThat(proxy.refused()).isZero();
  }

  @Test
  void aWrongPasswordIsRefusedWithWhatToSetAndWithoutThePassword() {
    try (SchemaRegistry registry = SchemaRegistry.connect(RegistryConfig.of(proxy.url()).withBasicAuth(USER, "wrong-one"))) {
      assertThatThrownBy(() -> registry.register(subject, Reading.getClassSchema()))
          .isInstanceOfSatisfying(RegistryAuthException.class, e -> assertThat(e.status()).isEqualTo(401))
          .hasMessage("registry at " + proxy.url() + " refused the credentials (401); set --registry-basic-auth or "
              + "BATON_REGISTRY_BASIC_AUTH (sent: user 'baton'; while trying to register schema io.baton.schemas.sensor.Reading"
              + " under subject '" + subject + "')")
          .hasMessageNotContaining("wrong-one");
    }
    assertThat(proxy.admitted()).isZero();
  }

  @Test
  void missingCredentialsAreRefusedAndSaySoWhenFetchingASchema() {
    try (SchemaRegistry registry = SchemaRegistry.connect(RegistryConfig.of(proxy.url()))) {
      assertThatThrownBy(() -> registry.schemaById(1))
          .isInstanceOf(RegistryAuthException.class)
          .hasMessageStartingWith("registry at " + proxy.url() + " refused the credentials (401); set --registry-basic-auth")
          .hasMessageEndingWith("(sent: no credentials; while trying to fetch schema id 1)");
    }
  }

  @Test
  void aDecoderFailsOnRefusedCredentialsInsteadOfCallingTheRecordBad(ApicurioRegistryExtension.Registry apicurio) {
    int id;
    try (SchemaRegistry direct = SchemaRegistry.connect(apicurio.config())) {
      id = direct.register(subject, Reading.getClassSchema());
    }
    byte[] framed = WireEncoder.forSpecific(Reading.class, id).encode(new Reading("s1", 20.0, 1_000L));
    try (WireDecoder<Reading> decoder = WireDecoder.forSpecific(Reading.class,
        RegistryConfig.of(proxy.url()).withBasicAuth(USER, "wrong-one"))) {
      assertThatThrownBy(() -> decoder.decode(framed))
          .isInstanceOf(RegistryAuthException.class)
          .hasMessageContaining("refused the credentials (401)");
    }
  }

  @Test
  void credentialsFromAWrittenPropertiesFileAreReadWhenConnecting(@TempDir Path dir) throws Exception {
    RegistryConfig withSecret = RegistryConfig.of(proxy.url()).withBasicAuth(USER, PASSWORD);
    RegistryConfig shipped = withSecret.writePropertiesTo(dir.resolve("jobs/p.registry.properties"));

    assertThat(shipped.toString()).doesNotContain(PASSWORD);
    assertThat(Files.readString(dir.resolve("jobs/p.registry.properties"))).contains(PASSWORD);
    try (SchemaRegistry registry = SchemaRegistry.connect(TestSchemas.javaRoundTrip(shipped))) {
      int id = registry.register(subject, Reading.getClassSchema());
      assertThat(registry.schemaById(id)).isEqualTo(Reading.getClassSchema());
    }
    assertThat(proxy.refused()).isZero();
  }
}
