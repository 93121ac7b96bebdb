package io.baton.schemas.registry;

import io.baton.schemas.compat.CompatibilityLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.schemas.sensor.Alert;
import io.baton.schemas.sensor.Reading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The wrapper's behaviour over the in-memory registry; {@link SchemaRegistryIT} runs it against Apicurio. */
class SchemaRegistryTest {
  private final SchemaRegistry registry = SchemaRegistry.connect(RegistryConfig.inMemory("schema-registry-test"));

  @AfterEach
  void tearDown() {
    registry.close();
    SchemaRegistry.dropInMemory("schema-registry-test");
  }

  @Test
  void registeredSchemaComesBackByIdAndAsLatest() {
    int id = registry.register("sensors.readings-value", Reading.getClassSchema());

    assertThat(registry.schemaById(id)).isEqualTo(Reading.getClassSchema());
    assertThat(registry.latest("sensors.readings-value"))
        .hasValue(RegisteredSchema.of("sensors.readings-value", id, 1, Reading.getClassSchema()));
    assertThat(registry.idOf("sensors.readings-value", Reading.getClassSchema())).isEqualTo(id);
  }

  @Test
  void unknownSubjectHasNoLatestVersion() {
    assertThat(registry.latest("nothing-here")).isEmpty();
    assertThat(registry.versions("nothing-here")).isEmpty();
  }

  @Test
  void unknownIdIsNotFound() {
    assertThatThrownBy(() -> registry.schemaById(777))
        .isInstanceOf(SchemaNotFoundException.class)
        .hasMessageStartingWith("cannot fetch schema id 777 at mock://schema-registry-test:");
  }

  @Test
  void subjectCompatibilityOverridesTheGlobalLevel() {
    registry.setGlobalCompatibility(CompatibilityLevel.FULL);
    registry.register("sensors.alerts-value", Alert.getClassSchema());
    registry.setCompatibility("sensors.alerts-value", CompatibilityLevel.FORWARD);

    assertThat(registry.globalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
    assertThat(registry.compatibility("sensors.alerts-value")).isEqualTo(CompatibilityLevel.FORWARD);
  }

  @Test
  void blankSubjectIsRefused() {
    assertThatThrownBy(() -> registry.latest(" ")).hasMessage("subject must not be blank, got ' '");
  }
}
