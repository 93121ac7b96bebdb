package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.connectors.DeadLetter;
import io.baton.connectors.DeadLetterReason;
import io.baton.connectors.DeadLetterRecord;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.OutRecord;
import io.baton.examples.sensor.SensorStory;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.Planner;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.wire.WireEncoder;
import io.baton.schemas.wire.WireFormat;
import io.baton.schemas.sensor.Reading;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dead-letter values shown as JSON, against an in-memory registry. */
class LetterDecoderTest {
  private static final String SCOPE = "letter-decoder-test";
  private final RegistryConfig config = RegistryConfig.inMemory(SCOPE);
  private final Plan plan = Planner.plan(new SensorStory());
  private SchemaRegistry registry;
  private LetterDecoder decoder;

  @BeforeEach
  void open() {
    registry = SchemaRegistry.connect(config);
    decoder = LetterDecoder.of(plan, config);
  }

  @AfterEach
  void close() {
    decoder.close();
    registry.close();
    SchemaRegistry.dropInMemory(SCOPE);
  }

  private LetterDecoder.Decoded decode(byte[] value) {
    KafkaRecord input = KafkaRecord.builder().topic("sensors.readings").offset(5).value(value).build();
    OutRecord out = DeadLetter.forStage("sensor-story", "readings", "sensor-story.readings.dead-letter").record(input, DeadLetterReason.malformed(), "x");
    DeadLetterRecord letter = DeadLetterRecord.from(KafkaRecord.builder().topic(out.topic().orElseThrow()).value(out.value()).headers(out.headers()).build());
    return decoder.decode(plan.stage("readings"), letter);
  }

  @Test
  void aReadingDecodesIntoTheStagesReaderSchema() {
    int id = registry.register("sensors.readings-value", Reading.getClassSchema());
    byte[] value = WireEncoder.forSpecific(Reading.class, id).encode(new Reading("s-1", 500.0, 1_000L));
    LetterDecoder.Decoded d = decode(value);
    assertThat(d.decodable()).isTrue();
    assertThat(d.text()).isEqualTo("{\"sensorId\":\"s-1\",\"celsius\":500.0,\"timestamp\":1000}");
    assertThat(d.bytes()).isEqualTo(value.length);
  }

  @Test
  void aWriterSchemaThatDoesNotFitTheReaderIsShownInItsOwnSchema() {
    Schema other = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Reading\",\"namespace\":\"io.baton.schemas.sensor\","
        + "\"fields\":[{\"name\":\"sensorId\",\"type\":\"string\"},{\"name\":\"fahrenheit\",\"type\":[\"null\",\"float\"]}]}");
    int id = registry.register("other-value", other);
    GenericRecord r = new GenericData.Record(other);
    r.put("sensorId", "s-2");
    r.put("fahrenheit", Float.NaN);
    LetterDecoder.Decoded d = decode(WireEncoder.forGeneric(other, id).encode(r));
    assertThat(d.text()).isEqualTo("{\"sensorId\":\"s-2\",\"fahrenheit\":\"NaN\"} (as writer schema id " + id + ")");
    assertThat(d.via()).isEqualTo("writer schema id " + id);
  }

  @Test
  void bytesThatAreNotFramedAvroAreDescribed() {
    LetterDecoder.Decoded d = decode("temperature: warm".getBytes(StandardCharsets.UTF_8));
    assertThat(d.decodable()).isFalse();
    assertThat(d.text()).isEqualTo("<17 bytes, not decodable: magic byte is 0x74, expected 0x00 (not Confluent-framed Avro)>");
  }

  @Test
  void anUnknownSchemaIdIsDescribed() throws Exception {
    byte[] value = new byte[] {0, 0, 0x0f, 0x42, 0x40, 2, 4};
    assertThat(WireFormat.schemaId(value)).isEqualTo(1_000_000);
    assertThat(decode(value).text()).isEqualTo("<7 bytes, not decodable: unknown schema id 1000000: the registry has no such schema>");
  }

  @Test
  void aTruncatedRecordIsDescribed() {
    int id = registry.register("sensors.readings-value", Reading.getClassSchema());
    byte[] value = WireEncoder.forSpecific(Reading.class, id).encode(new Reading("s-1", 20.0, 1_000L));
    byte[] cut = java.util.Arrays.copyOf(value, value.length - 6);
    assertThat(decode(cut).text()).startsWith("<" + cut.length + " bytes, not decodable: cannot decode with writer schema id " + id);
  }

  @Test
  void noValueIsDescribed() {
    assertThat(decode(null).text()).isEqualTo("<0 bytes, not decodable: value is null (no bytes to decode)>");
  }
}
