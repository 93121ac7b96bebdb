package io.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.schemas.registry.RegistryConfig;
import io.baton.stack.ThrowawayRegistry;
import io.baton.schemas.sensor.Reading;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The benchmark's paths against a real Apicurio: same bytes in, same fields and verdicts out. No timing. */
class DecodePathsAgreeIT {
  private static final int RECORDS = 256;

  private static ThrowawayRegistry registry;
  private static ReadingCorpus corpus;
  private static DecodePaths paths;

  @BeforeAll
  static void start() throws Exception {
    registry = ThrowawayRegistry.start("baton-bench-");
    RegistryConfig config = RegistryConfig.of(registry.url());
    corpus = ReadingCorpus.register(config, RECORDS);
    paths = DecodePaths.open(config);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (paths != null) {
      paths.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void allPathsDecodeTheSameBytesToTheEncodedFields() throws Exception {
    for (int i = 0; i < RECORDS; i++) {
      byte[] value = corpus.values()[i];
      Reading expected = corpus.readings().get(i);
      GenericRecord generic = paths.batonGeneric.decode(value);
      org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord flink = paths.flinkGeneric.deserialize(value);

      assertThat(paths.batonSpecific.decode(value)).isEqualTo(expected);
      assertThat(List.of(generic.get("sensorId"), generic.get("celsius"), generic.get("timestamp")))
          .as("Baton generic, record %d", i)
          .containsExactly(expected.getSensorId(), expected.getCelsius(), expected.getTimestamp());
      assertThat(List.of(flink.get("sensorId"), flink.get("celsius"), flink.get("timestamp")))
          .as("Flink generic, record %d", i)
          .containsExactly(expected.getSensorId(), expected.getCelsius(), expected.getTimestamp());
    }
  }

  @Test
  void allPathsGiveTheSameVerdicts() throws Exception {
    List<String> specific = new ArrayList<>();
    List<String> generic = new ArrayList<>();
    List<String> flink = new ArrayList<>();
    for (byte[] value : corpus.values()) {
      specific.add(paths.batonSpecific(value));
      generic.add(paths.batonGeneric(value));
      flink.add(paths.flinkGeneric(value));
    }

    assertThat(specific).filteredOn("rule:celsius in physical range"::equals)
        .hasSize((int) corpus.outOfRange()).hasSize(RECORDS / ReadingCorpus.OUT_OF_RANGE_EVERY);
    assertThat(specific).filteredOn(v -> v == null).hasSize(RECORDS - RECORDS / ReadingCorpus.OUT_OF_RANGE_EVERY);
    assertThat(generic).isEqualTo(specific);
    assertThat(flink).isEqualTo(specific);
  }

  @Test
  void batonFetchesTheWriterSchemaOnceAndThenDecodesFromItsCache() throws Exception {
    for (byte[] value : corpus.values()) {
      paths.batonSpecific.decode(value);
    }

    assertThat(paths.batonSpecific.schemaFetches()).isEqualTo(1);
  }
}
