package io.baton.schemas.wire;

import io.baton.schemas.ApicurioRegistryExtension;
import io.baton.schemas.TestSchemas;
import io.baton.schemas.registry.SchemaRegistry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.schemas.sensor.Reading;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Baton's wire codec against records written and read by an independent path, on a real Apicurio Registry.
 *
 * <p>Independent of Baton: schemas are registered and fetched with the JDK's HTTP client and Jackson on the
 * registry's Confluent REST API (not Confluent's client, not {@link SchemaRegistry}); the 5-byte header is
 * built and parsed by hand (not {@link WireFormat}); records are written and read with plain Avro
 * {@code GenericDatumWriter}/{@code GenericDatumReader}. Only the side under test uses {@link WireEncoder},
 * {@link WireDecoder} and {@link SchemaRegistry}.
 */
@ExtendWith(ApicurioRegistryExtension.class)
class WireCodecAgainstRegistryIT {
  private static final String CONFLUENT_JSON = "application/vnd.schemaregistry.v1+json";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  private ApicurioRegistryExtension.Registry apicurio;
  private String subject;

  @BeforeEach
  void setUp(ApicurioRegistryExtension.Registry registry) {
    apicurio = registry;
    subject = "wire-it-" + UUID.randomUUID() + "-value";
  }

  @Test
  void plainAvroWithRestRegisteredIdDecodesIntoGeneratedClass() throws Exception {
    int id = registerByRest(subject, Reading.getClassSchema());
    byte[] bytes = frameWithPlainAvro(id, reading(Reading.getClassSchema(), "s-17", -4.75, 1_700_000_000_123L));

    Reading decoded = decodeOnce(WireDecoder.forSpecific(Reading.class, apicurio.config()), bytes);

    assertThat(decoded.getSensorId()).isEqualTo("s-17");
    assertThat(decoded.getCelsius()).isEqualTo(-4.75);
    assertThat(decoded.getTimestamp()).isEqualTo(1_700_000_000_123L);
  }

  @Test
  void plainAvroWithRestRegisteredIdDecodesThroughProjectionReader() throws Exception {
    int id = registerByRest(subject, Reading.getClassSchema());
    byte[] bytes = frameWithPlainAvro(id, reading(Reading.getClassSchema(), "only-this", 30.5, 9L));

    GenericRecord projected = decodeOnce(WireDecoder.forGeneric(TestSchemas.READING_PROJECTION, apicurio.config()), bytes);

    assertThat(projected.getSchema().getFields()).extracting(Schema.Field::name).containsExactly("sensorId");
    assertThat(projected.get("sensorId")).hasToString("only-this");
  }

  @Test
  void batonEncodedRecordIsReadByPlainAvroWithWriterSchemaFetchedByRest() throws Exception {
    int id;
    try (SchemaRegistry registry = SchemaRegistry.connect(apicurio.config())) {
      id = registry.register(subject, Reading.getClassSchema());
    }
    assertThat(getJson("/subjects/" + encode(subject) + "/versions/latest").path("id").asInt(-1)).isEqualTo(id);
    Reading original = new Reading("baton-1", 18.25, 1_700_000_000_456L);

    byte[] bytes = WireEncoder.forSpecific(Reading.class, id).encode(original);

    assertThat(bytes[0]).as("magic byte").isZero();
    int headerId = ByteBuffer.wrap(bytes, 1, 4).getInt();
    assertThat(headerId).isEqualTo(id);
    Schema writer = new Schema.Parser().parse(getJson("/schemas/ids/" + headerId).path("schema").asText());
    assertThat(writer.getFullName()).isEqualTo("io.baton.schemas.sensor.Reading");
    BinaryDecoder in = DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null);
    GenericRecord plain = new GenericDatumReader<GenericRecord>(writer).read(null, in);
    assertThat(in.isEnd()).as("every byte after the header belongs to the record").isTrue();
    assertThat(plain.get("sensorId")).hasToString("baton-1");
    assertThat(plain.get("celsius")).isEqualTo(18.25);
    assertThat(plain.get("timestamp")).isEqualTo(1_700_000_000_456L);
  }

  @Test
  void olderWriterRegisteredByRestDecodesIntoNewerReaderClassWithDefaultApplied() throws Exception {
    int v1 = registerByRest(subject, Reading.getClassSchema());
    byte[] bytes = frameWithPlainAvro(v1, reading(Reading.getClassSchema(), "old-sensor", 12.0, 5L));

    io.baton.schemas.sensor.v2.Reading decoded =
        decodeOnce(WireDecoder.forSpecific(io.baton.schemas.sensor.v2.Reading.class, apicurio.config()), bytes);

    assertThat(decoded.getSensorId()).isEqualTo("old-sensor");
    assertThat(decoded.getCelsius()).isEqualTo(12.0);
    assertThat(decoded.getTimestamp()).isEqualTo(5L);
    assertThat(decoded.getUnit()).as("default of the field v1 lacks").isEqualTo("C");
  }

  @Test
  void newerWriterRegisteredByRestAsNextVersionDecodesIntoOlderReaderClass() throws Exception {
    int v1 = registerByRest(subject, Reading.getClassSchema());
    int v2 = registerByRest(subject, TestSchemas.READING_WITH_UNIT);
    GenericRecord newer = reading(TestSchemas.READING_WITH_UNIT, "new-sensor", 71.6, 6L);
    newer.put("unit", "F");

    try (WireDecoder<Reading> decoder = WireDecoder.forSpecific(Reading.class, apicurio.config())) {
      Reading fromV2 = decoder.decode(frameWithPlainAvro(v2, newer));
      Reading fromV1 = decoder.decode(frameWithPlainAvro(v1, reading(Reading.getClassSchema(), "old-sensor", 22.0, 7L)));

      assertThat(v2).isNotEqualTo(v1);
      assertThat(fromV2).isEqualTo(new Reading("new-sensor", 71.6, 6L));
      assertThat(fromV1).isEqualTo(new Reading("old-sensor", 22.0, 7L));
      assertThat(decoder.schemaFetches()).isEqualTo(2);
    }
  }

  private static <T> T decodeOnce(WireDecoder<T> decoder, byte[] bytes) throws DecodeException {
    try (decoder) {
      return decoder.decode(bytes);
    }
  }

  private static GenericRecord reading(Schema schema, String sensorId, double celsius, long timestamp) {
    GenericRecord record = new GenericData.Record(schema);
    record.put("sensorId", sensorId);
    record.put("celsius", celsius);
    record.put("timestamp", timestamp);
    return record;
  }

  /** Magic byte 0, the id as 4 bytes big-endian, then the record as plain Avro binary. */
  private static byte[] frameWithPlainAvro(int id, GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(id).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private int registerByRest(String subject, Schema schema) throws IOException, InterruptedException {
    String body = JSON.writeValueAsString(JSON.createObjectNode().put("schemaType", "AVRO").put("schema", schema.toString()));
    HttpRequest request = request("/subjects/" + encode(subject) + "/versions")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    JsonNode id = send(request).path("id");
    assertThat(id.isInt()).as("id in the registration answer").isTrue();
    return id.asInt();
  }

  private JsonNode getJson(String path) throws IOException, InterruptedException {
    return send(request(path).GET().build());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(apicurio.ccompatUrl() + path)).timeout(TIMEOUT)
        .header("Content-Type", CONFLUENT_JSON).header("Accept", CONFLUENT_JSON);
  }

  private static JsonNode send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s %s answered %s", request.method(), request.uri(), response.body())
        .isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String encode(String pathSegment) {
    return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8);
  }
}
