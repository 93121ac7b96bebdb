package io.baton.schemas.registry;

import io.baton.schemas.ApicurioRegistryExtension;
import io.baton.schemas.TestSchemas;
import io.baton.schemas.compat.CompatibilityLevel;
import io.baton.schemas.wire.DecodeException;
import io.baton.schemas.wire.WireDecoder;
import io.baton.schemas.wire.WireEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.schemas.sensor.Reading;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The registry wrapper and the decoder against a real Apicurio Registry process. */
@ExtendWith(ApicurioRegistryExtension.class)
class SchemaRegistryIT {
  private static final Schema READING_V2_NO_DEFAULT = TestSchemas.parse("""
      {"type":"record","name":"Reading","namespace":"io.baton.schemas.sensor","fields":[
        {"name":"sensorId","type":"string"},{"name":"celsius","type":"double"},
        {"name":"timestamp","type":"long"},{"name":"unit","type":"string"}]}""");

  private SchemaRegistry registry;
  private RegistryConfig config;
  private String subject;

  @BeforeEach
  void setUp(ApicurioRegistryExtension.Registry apicurio) {
    config = apicurio.config();
    registry = SchemaRegistry.connect(config);
    subject = "it-" + UUID.randomUUID() + "-value";
  }

  @AfterEach
  void tearDown() {
    registry.close();
  }

  @Test
  void registeringTwiceGivesTheSameIdAndTheIdResolves() {
    int id = registry.register(subject, Reading.getClassSchema());

    assertThat(registry.register(subject, Reading.getClassSchema())).isEqualTo(id);
    assertThat(registry.schemaById(id)).isEqualTo(Reading.getClassSchema());
    assertThat(registry.idOf(subject, Reading.getClassSchema())).isEqualTo(id);
    assertThat(registry.latest(subject)).hasValueSatisfying(latest -> {
      assertThat(latest.id()).isEqualTo(id);
      assertThat(latest.version()).isEqualTo(1);
    });
    assertThat(registry.subjects()).contains(subject);
  }

  @Test
  void unknownIdAndSubjectAreNotFound() {
    assertThatThrownBy(() -> registry.schemaById(987_654))
        .isInstanceOfSatisfying(SchemaNotFoundException.class, e -> assertThat(e.errorCode()).isEqualTo(40403))
        .hasMessageContaining("cannot fetch schema id 987654 at " + config.url());
    assertThat(registry.latest(subject)).isEmpty();
  }

  @Test
  void globalCompatibilityCanBeSetToBackward() {
    registry.setGlobalCompatibility(CompatibilityLevel.BACKWARD);

    assertThat(registry.globalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
  }

  @Test
  void incompatibleCandidateIsExplainedAndRefused() {
    registry.register(subject, Reading.getClassSchema());
    registry.setCompatibility(subject, CompatibilityLevel.BACKWARD);

    RegistryVerdict result = registry.testCompatibility(subject, READING_V2_NO_DEFAULT);

    assertThat(result.compatible()).isFalse();
    assertThat(result.level()).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThat(result.messages()).singleElement().asString()
        .startsWith("Reading.unit: new schema reading data of version 1 of 1: reader field 'unit' (string) has no default")
        .contains("add a default to field 'unit'");
    assertThatThrownBy(() -> registry.register(subject, READING_V2_NO_DEFAULT))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining("cannot register schema io.baton.schemas.sensor.Reading under subject '" + subject + "'");
  }

  @Test
  void compatibleCandidateAndNewSubjectArePassed() {
    registry.register(subject, Reading.getClassSchema());
    registry.setCompatibility(subject, CompatibilityLevel.BACKWARD);

    assertThat(registry.testCompatibility(subject, TestSchemas.READING_WITH_UNIT).compatible()).isTrue();
    assertThat(registry.testCompatibility("brand-new-" + subject, READING_V2_NO_DEFAULT).compatible()).isTrue();
    int v2 = registry.register(subject, TestSchemas.READING_WITH_UNIT);
    assertThat(registry.versions(subject)).extracting(RegisteredSchema::id).hasSize(2).endsWith(v2);
  }

  @Test
  void decoderFetchesEachWriterSchemaOnceFromApicurio() throws Exception {
    int id = registry.register(subject, Reading.getClassSchema());
    WireEncoder<Reading> encoder = WireEncoder.forSpecific(Reading.class, id);
    WireDecoder<Reading> decoder = TestSchemas.javaRoundTrip(WireDecoder.forSpecific(Reading.class, config));
    decoder.open();

    for (int i = 0; i < 1_000; i++) {
      Reading reading = new Reading("s-" + i, i / 10.0, 1_000L + i);
      assertThat(decoder.decode(encoder.encode(reading))).isEqualTo(reading);
    }

    assertThat(decoder.schemaFetches()).isEqualTo(1);
    assertThatThrownBy(() -> decoder.decode(WireEncoder.forSpecific(Reading.class, 987_654).encode(new Reading("x", 1.0, 1L))))
        .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo("schema"))
        .hasMessage("unknown schema id 987654: the registry has no such schema");
    decoder.close();
  }
}
