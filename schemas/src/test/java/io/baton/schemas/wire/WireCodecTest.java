package io.baton.schemas.wire;

import io.baton.schemas.registry.CountingRegistryClient;
import io.baton.schemas.FreePort;
import io.baton.schemas.TestSchemas;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.RegistryUnavailableException;
import io.baton.schemas.registry.SchemaRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.schemas.sensor.Reading;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WireCodecTest {
  private CountingRegistryClient client;
  private SchemaRegistry registry;
  private int readingId;

  @BeforeEach
  void setUp() {
    client = new CountingRegistryClient();
    registry = client.registry();
    readingId = registry.register("sensors.readings-value", Reading.getClassSchema());
  }

  @AfterEach
  void tearDown() {
    registry.close();
  }

  private WireDecoder<GenericRecord> genericDecoder(org.apache.avro.Schema reader) {
    WireDecoder<GenericRecord> decoder = WireDecoder.over(reader, null, () -> registry);
    decoder.open();
    return decoder;
  }

  private WireDecoder<Reading> readingDecoder() {
    WireDecoder<Reading> decoder = WireDecoder.over(Reading.getClassSchema(), Reading.class, () -> registry);
    decoder.open();
    return decoder;
  }

  private static Reading reading(String id, double celsius) {
    return Reading.newBuilder().setSensorId(id).setCelsius(celsius).setTimestamp(1_700_000_000_000L).build();
  }

  @Test
  void specificRecordSurvivesRoundTrip() throws Exception {
    byte[] bytes = WireEncoder.forSpecific(Reading.class, readingId).encode(reading("s-1", 21.5));

    assertThat(readingDecoder().decode(bytes)).isEqualTo(reading("s-1", 21.5));
  }

  @Test
  void genericRecordSurvivesRoundTrip() throws Exception {
    GenericRecord record = new GenericData.Record(Reading.getClassSchema());
    record.put("sensorId", "s-2");
    record.put("celsius", -3.25);
    record.put("timestamp", 42L);
    byte[] bytes = WireEncoder.forGeneric(Reading.getClassSchema(), readingId).encode(record);

    GenericRecord decoded = genericDecoder(Reading.getClassSchema()).decode(bytes);

    assertThat(decoded.get("sensorId").toString()).isEqualTo("s-2");
    assertThat(decoded.get("celsius")).isEqualTo(-3.25);
    assertThat(decoded.get("timestamp")).isEqualTo(42L);
  }

  @Test
  void decodesBytesWrittenByPlainAvroWithHandBuiltHeader() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(readingId).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<Reading>(Reading.getClassSchema()).write(reading("plain", 9.0), encoder);
    encoder.flush();

    assertThat(readingDecoder().decode(out.toByteArray())).isEqualTo(reading("plain", 9.0));
  }

  @Test
  void encodedBytesAreReadableByPlainAvro() throws Exception {
    byte[] bytes = WireEncoder.forSpecific(Reading.class, readingId).encode(reading("s-3", 1.0));

    assertThat(bytes[0]).isZero();
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(readingId);
    GenericRecord plain = new GenericDatumReader<GenericRecord>(Reading.getClassSchema())
        .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
    assertThat(plain.get("sensorId").toString()).isEqualTo("s-3");
    assertThat(plain.get("celsius")).isEqualTo(1.0);
  }

  @Test
  void encoderIsReusableAcrossRecordsAndAfterAFailure() throws Exception {
    WireEncoder<Reading> encoder = WireEncoder.forSpecific(Reading.class, readingId);
    Reading bad = new Reading(null, 1.0, 1L);

    assertThatThrownBy(() -> encoder.encode(bad))
        .isInstanceOf(EncodeException.class)
        .hasMessageContaining("cannot encode a io.baton.schemas.sensor.Reading with schema io.baton.schemas.sensor.Reading (id " + readingId + ")");
    assertThat(readingDecoder().decode(encoder.encode(reading("a", 1)))).isEqualTo(reading("a", 1));
    assertThat(readingDecoder().decode(encoder.encode(reading("b", 2)))).isEqualTo(reading("b", 2));
  }

  @Test
  void nullValueIsMalformed() {
    assertThatThrownBy(() -> readingDecoder().decode(null))
        .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo("malformed"))
        .hasMessage("value is null (no bytes to decode)");
  }

  @Test
  void wrongMagicByteIsMalformed() {
    byte[] bytes = WireEncoder.forSpecific(Reading.class, readingId).encode(reading("x", 1));
    bytes[0] = 7;

    assertThatThrownBy(() -> readingDecoder().decode(bytes))
        .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.kind()).isEqualTo(DecodeException.Kind.MALFORMED))
        .hasMessage("magic byte is 0x07, expected 0x00 (not Confluent-framed Avro)");
  }

  @Test
  void valueShorterThanHeaderIsMalformed() {
    assertThatThrownBy(() -> readingDecoder().decode(new byte[] {0, 0, 1}))
        .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo("malformed"))
        .hasMessage("value has 3 byte(s), fewer than the 5-byte Confluent header");
  }

  @Test
  void truncatedRecordIsMalformed() {
    byte[] bytes = WireEncoder.forSpecific(Reading.class, readingId).encode(reading("sensor-7", 1));
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);

    assertThatThrownBy(() -> readingDecoder().decode(truncated))
        .isInstanceOfSatisfying(DecodeException.class, e -> {
          assertThat(e.reason()).isEqualTo("malformed");
          assertThat(e.schemaId()).hasValue(readingId);
        })
        .hasMessage("cannot decode with writer schema id " + readingId + ": truncated: long runs past the end at byte 25");
  }

  @Test
  void trailingBytesAreMalformed() {
    byte[] bytes = WireEncoder.forSpecific(Reading.class, readingId).encode(reading("s", 1));
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 2);

    assertThatThrownBy(() -> readingDecoder().decode(longer))
        .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo("malformed"))
        .hasMessageContaining("2 byte(s) left over after a complete io.baton.schemas.sensor.Reading");
  }

  @Test
  void hugeStringLengthIsMalformedWithoutAllocating() {
    // header, then a varint string length of 1.5e9 and three bytes
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(WireFormat.header(readingId));
    long zigzag = 1_500_000_000L << 1;
    while ((zigzag & ~0x7FL) != 0) {
      out.write((int) ((zigzag & 0x7F) | 0x80));
      zigzag >>>= 7;
    }
    out.write((int) zigzag);
    out.writeBytes(new byte[] {1, 2, 3});

    assertThatThrownBy(() -> readingDecoder().decode(out.toByteArray()))
        .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo("malformed"))
        .hasMessageContaining("string length 1500000000 exceeds the 3 byte(s) left");
  }

  /** A Reading whose sensorId is the given raw bytes, framed by hand (Avro binary: length, bytes, double, long). */
  private byte[] readingWithRawSensorId(byte[] sensorId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(WireFormat.header(readingId));
    out.write(sensorId.length << 1);
    out.writeBytes(sensorId);
    out.writeBytes(new byte[8]);
    out.write(0);
    return out.toByteArray();
  }

  @Test
  void invalidUtf8InAStringIsMalformed() {
    byte[] bytes = readingWithRawSensorId(new byte[] {'s', (byte) 0xC3, '('});

    assertThatThrownBy(() -> readingDecoder().decode(bytes))
        .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo("malformed"))
        .hasMessageContaining("invalid UTF-8 in string at byte");
  }

  @Test
  void overlongSurrogateAndOutOfRangeUtf8AreMalformed() {
    byte[][] invalid = {
        {(byte) 0xC0, (byte) 0xAF},                           // overlong '/'
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80},              // UTF-16 surrogate U+D800
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
        {(byte) 0xE2, (byte) 0x82},                           // cut short
    };
    for (byte[] id : invalid) {
      assertThatThrownBy(() -> readingDecoder().decode(readingWithRawSensorId(id)))
          .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo("malformed"));
    }
  }

  @Test
  void multiByteUtf8SurvivesRoundTrip() throws Exception {
    Reading reading = reading("Zürich-温度-\uD83D\uDE00", 3);
    byte[] bytes = WireEncoder.forSpecific(Reading.class, readingId).encode(reading);

    assertThat(readingDecoder().decode(bytes)).isEqualTo(reading);
  }

  @Test
  void utf8CheckAgreesWithTheJdkDecoderOnRandomBytes() {
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 20_000; i++) {
      byte[] id = new byte[1 + random.nextInt(6)];
      random.nextBytes(id);
      boolean jdkValid;
      try {
        java.nio.charset.StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(id));
        jdkValid = true;
      } catch (java.nio.charset.CharacterCodingException e) {
        jdkValid = false;
      }
      boolean accepted;
      try {
        readingDecoder().decode(readingWithRawSensorId(id));
        accepted = true;
      } catch (DecodeException e) {
        accepted = false;
      }
      assertThat(accepted).as("bytes %s", java.util.HexFormat.of().formatHex(id)).isEqualTo(jdkValid);
    }
  }

  @Test
  void unknownSchemaIdIsSchemaFailure() {
    byte[] bytes = WireEncoder.forSpecific(Reading.class, 4242).encode(reading("x", 1));

    assertThatThrownBy(() -> readingDecoder().decode(bytes))
        .isInstanceOfSatisfying(DecodeException.class, e -> {
          assertThat(e.reason()).isEqualTo("schema");
          assertThat(e.schemaId()).hasValue(4242);
        })
        .hasMessage("unknown schema id 4242: the registry has no such schema");
  }

  @Test
  void writerThatDoesNotResolveToReaderIsSchemaFailure() {
    int id = registry.register("other-value", TestSchemas.READING_CELSIUS_AS_STRING);
    GenericRecord record = new GenericData.Record(TestSchemas.READING_CELSIUS_AS_STRING);
    record.put("sensorId", "s");
    record.put("celsius", "hot");
    record.put("timestamp", 1L);
    byte[] bytes = WireEncoder.forGeneric(TestSchemas.READING_CELSIUS_AS_STRING, id).encode(record);

    assertThatThrownBy(() -> readingDecoder().decode(bytes))
        .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo("schema"))
        .hasMessageContaining("writer schema id " + id + " cannot be read as io.baton.schemas.sensor.Reading")
        .hasMessageContaining("Reading.celsius: reader expects double but the writer writes string");
  }

  @Test
  void projectionReaderKeepsOnlyItsFields() throws Exception {
    byte[] bytes = WireEncoder.forSpecific(Reading.class, readingId).encode(reading("only-id", 5));

    GenericRecord projected = genericDecoder(TestSchemas.READING_PROJECTION).decode(bytes);

    assertThat(projected.getSchema().getFields()).hasSize(1);
    assertThat(projected.get("sensorId").toString()).isEqualTo("only-id");
  }

  @Test
  void newerWriterWithExtraFieldDecodesIntoGeneratedClass() throws Exception {
    int id = registry.register("newer-value", TestSchemas.READING_WITH_UNIT);
    GenericRecord record = new GenericData.Record(TestSchemas.READING_WITH_UNIT);
    record.put("sensorId", "n");
    record.put("celsius", 3.0);
    record.put("timestamp", 7L);
    record.put("unit", "F");
    byte[] bytes = WireEncoder.forGeneric(TestSchemas.READING_WITH_UNIT, id).encode(record);

    Reading decoded = readingDecoder().decode(bytes);

    assertThat(decoded).isEqualTo(new Reading("n", 3.0, 7L));
  }

  @Test
  void writerSchemaIsFetchedOncePerIdAcrossManyRecords() throws Exception {
    int newerId = registry.register("newer-value", TestSchemas.READING_WITH_UNIT);
    WireEncoder<Reading> encoder = WireEncoder.forSpecific(Reading.class, readingId);
    GenericRecord newer = new GenericData.Record(TestSchemas.READING_WITH_UNIT);
    newer.put("sensorId", "n");
    newer.put("celsius", 3.0);
    newer.put("timestamp", 7L);
    newer.put("unit", "C");
    byte[] newerBytes = WireEncoder.forGeneric(TestSchemas.READING_WITH_UNIT, newerId).encode(newer);
    WireDecoder<Reading> decoder = readingDecoder();
    int before = client.lookupsById.get();

    for (int i = 0; i < 500; i++) {
      decoder.decode(encoder.encode(reading("s" + i, i)));
      decoder.decode(newerBytes);
    }

    assertThat(client.lookupsById.get() - before).isEqualTo(2);
    assertThat(decoder.schemaFetches()).isEqualTo(2);
  }

  @Test
  void unresolvableVerdictIsCachedPerId() {
    int id = registry.register("other-value", TestSchemas.READING_CELSIUS_AS_STRING);
    GenericRecord record = new GenericData.Record(TestSchemas.READING_CELSIUS_AS_STRING);
    record.put("sensorId", "s");
    record.put("celsius", "hot");
    record.put("timestamp", 1L);
    byte[] bytes = WireEncoder.forGeneric(TestSchemas.READING_CELSIUS_AS_STRING, id).encode(record);
    WireDecoder<Reading> decoder = readingDecoder();

    for (int i = 0; i < 100; i++) {
      assertThatThrownBy(() -> decoder.decode(bytes)).isInstanceOf(DecodeException.class);
    }

    assertThat(decoder.schemaFetches()).isEqualTo(1);
  }

  @Test
  void unreachableRegistryIsNotADecodeFailure() {
    WireDecoder<Reading> decoder = WireDecoder.forSpecific(Reading.class,
        RegistryConfig.of("http://127.0.0.1:" + FreePort.closed()).withProperty("http.connect.timeout.ms", "2000"));
    byte[] bytes = WireEncoder.forSpecific(Reading.class, readingId).encode(reading("x", 1));

    assertThatThrownBy(() -> decoder.decode(bytes))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("cannot fetch schema id " + readingId + ": registry at http://127.0.0.1:")
        .hasMessageContaining("unreachable");
  }

  @Test
  void decoderTravelsByJavaSerializationAndReopens() throws Exception {
    RegistryConfig config = RegistryConfig.inMemory("wire-codec-serialization");
    try (SchemaRegistry shared = SchemaRegistry.connect(config)) {
      int id = shared.register("sensors.readings-value", Reading.getClassSchema());
      WireDecoder<Reading> original = WireDecoder.forSpecific(Reading.class, config);
      WireEncoder<Reading> encoder = TestSchemas.javaRoundTrip(WireEncoder.forSpecific(Reading.class, id));

      WireDecoder<Reading> copy = TestSchemas.javaRoundTrip(original);

      assertThat(copy.decode(encoder.encode(reading("ser", 2)))).isEqualTo(reading("ser", 2));
      copy.close();
    } finally {
      SchemaRegistry.dropInMemory("wire-codec-serialization");
    }
  }

  @Test
  void toStringShowsTheExpression() {
    assertThat(WireEncoder.forSpecific(Reading.class, 3)).hasToString("WireEncoder.forSpecific(Reading.class, 3)");
    assertThat(WireEncoder.forGeneric(Reading.getClassSchema(), 4))
        .hasToString("WireEncoder.forGeneric(io.baton.schemas.sensor.Reading, 4)");
    assertThat(WireDecoder.forSpecific(Reading.class, RegistryConfig.inMemory("t")))
        .hasToString("WireDecoder.forSpecific(Reading.class, mock://t)");
  }
}
