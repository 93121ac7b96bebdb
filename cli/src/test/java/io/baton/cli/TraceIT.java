package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.connectors.InputOffsets;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.TopicReader;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.wire.WireEncoder;
import io.baton.stack.Ports;
import io.baton.stack.StackEndpoints;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real local stack ({@code baton up} on free ports) running the sensor story's three stages: {@code baton trace}
 * walks an alert back to exactly the readings the test sent for that sensor and minute (scattered among others, one
 * of them rejected), and a dead letter back to the reading it rejected; {@code baton tail --follow} prints an alert
 * committed after it started; {@code tail} decodes a reading of a newer schema version and shows undecodable bytes.
 */
class TraceIT {
  private static final String INPUT = "sensors.readings";
  private static final String ALERTS = "sensors.alerts";
  private static final String LETTERS = "sensor-story.readings.dead-letter";
  private static final long MINUTE = 60_000;
  private static final long T0 = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();
  private static final byte[] GARBAGE = "temperature: warm".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path home;

  private final Ports ports = Ports.freeEphemeral();
  private final StackEndpoints endpoints = StackEndpoints.of(ports);
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void neverLeaveServersBehind() {
    CliRun.of("down", "--home", home.toString());
  }

  private CliRun baton(String... args) {
    CliRun run = CliRun.at(home, args);
    assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err() + run.out()).isZero();
    return run;
  }

  @Test
  void traceFindsExactlyTheSourceReadingsAndTailFollowsNewCommits() throws Exception {
    Instant started = Instant.now();
    assertThat(CliRun.up(home, ports).exitCode()).isZero();
    assertThat(baton("run", "sensor-story").out()).contains("Running 3 jobs of sensor-story");

    try (SchemaRegistry registry = SchemaRegistry.connect(RegistryConfig.of(endpoints.registryUrl()));
         KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()),
             new ByteArraySerializer(), new ByteArraySerializer());
         TopicReader reader = new TopicReader(endpoints.kafkaBootstrapServers())) {
      WireEncoder<Reading> v1 = WireEncoder.forSpecific(Reading.class, registry.register(INPUT + "-value", Reading.getClassSchema()));
      Schema readingV2 = withSite(Reading.getClassSchema());
      WireEncoder<GenericRecord> v2 = WireEncoder.forGeneric(readingV2, registry.register(INPUT + "-value", readingV2));
      Sender send = new Sender(producer);

      // Minute 0: eight hot readings of s-hot among cool ones of s-cool (one of them in schema version 2),
      // an out-of-range s-hot reading the source rejects, and bytes that do not decode.
      List<Long> hot = new ArrayList<>();
      List<Double> hotCelsius = new ArrayList<>();
      long rejected = -1;
      long newer = -1;
      for (int i = 0; i < 8; i++) {
        double c = 41 + i;
        hot.add(send.reading(v1.encode(new Reading("s-hot", c, T0 + i * 5_000L)), "s-hot"));
        hotCelsius.add(c);
        if (i % 3 == 0) {
          send.reading(v1.encode(new Reading("s-cool", 20.0, T0 + i * 5_000L + 1)), "s-cool");
        }
        if (i == 4) {
          rejected = send.reading(v1.encode(new Reading("s-hot", 500.0, T0 + i * 5_000L + 2)), "s-hot");
          GenericRecord site = new GenericData.Record(readingV2);
          site.put("sensorId", "s-cool");
          site.put("celsius", 21.0);
          site.put("timestamp", T0 + i * 5_000L + 3);
          site.put("site", "roof");
          newer = send.reading(v2.encode(site), "s-cool");
          send.reading(GARBAGE, "garbage");
        }
      }
      // A clock reading two minutes on closes minute 0: one alert for s-hot, none for s-cool.
      send.reading(v1.encode(new Reading("clock", 20.0, T0 + 2 * MINUTE)), "clock");
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
          .until(() -> reader.readCommitted(ALERTS).size() >= 1);
      KafkaRecord alert = reader.readCommitted(ALERTS).get(0);

      // Trace as JSON: alerts ← per-minute ← readings ← exactly the eight hot readings of minute 0.
      JsonNode trace = json.readTree(baton("trace", ALERTS, "" + alert.partition(), "" + alert.offset(), "--json").out());
      assertThat(trace.get("pipeline").asText()).isEqualTo("sensor-story");
      assertThat(trace.get("record").get("value").get("sensorId").asText()).isEqualTo("s-hot");
      JsonNode hops = trace.get("hops");
      assertThat(hops).extracting(h -> h.get("stage").asText()).containsExactly("alerts", "per-minute", "readings");
      assertThat(hops.get(0).get("inputCount").asLong()).isEqualTo(1);
      assertThat(hops.get(0).get("batch").asText()).isNotBlank();
      assertThat(hops.get(0).get("version").asText()).isEqualTo("1");
      assertThat(hops.get(1).get("inputCount").asLong()).isEqualTo(8);
      assertThat(hops.get(1).get("raw").asBoolean()).isFalse();
      JsonNode source = hops.get(2);
      assertThat(source.get("raw").asBoolean()).isTrue();
      InputOffsets traced = InputOffsets.decode(source.get("inputs").asText());
      InputOffsets.Builder expected = InputOffsets.builder();
      hot.forEach(o -> expected.add(INPUT, 0, o));
      assertThat(traced).isEqualTo(expected.build());
      assertThat(traced.encode()).as("scattered among the cool readings").contains(",");
      assertThat(source.get("records")).hasSize(5);
      assertThat(source.get("records")).extracting(r -> r.get("value").get("celsius").asDouble())
          .containsExactlyElementsOf(hotCelsius.subList(0, 5));
      assertThat(source.get("records")).extracting(r -> r.get("offset").asLong()).containsExactlyElementsOf(hot.subList(0, 5));
      assertThat(source.get("more").asLong()).isEqualTo(3);

      // The same trace as text, cut to five records a hop.
      String text = baton("trace", ALERTS, "" + alert.partition(), "" + alert.offset()).out();
      System.out.print(text);
      List<String> lines = text.lines().toList();
      assertThat(lines.get(0)).startsWith(ALERTS + ":" + alert.partition() + ":" + alert.offset() + "  {\"sensorId\":\"s-hot\"");
      assertThat(lines.get(1)).startsWith("hop 1  alerts  ").contains("  version 1  ← 1 input: sensor-story.per-minute:0:");
      assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("hop 2  per-minute  ").contains("← 8 inputs: sensor-story.readings:0:"));
      assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("hop 3  readings  ")
          .endsWith("← 8 raw source records: " + expected.build().encode()));
      assertThat(lines).containsSequence("  " + INPUT + ":0:" + hot.get(4) + "  {\"sensorId\":\"s-hot\",\"celsius\":45.0,\"timestamp\":"
          + (T0 + 20_000) + "}", "  … and 3 more");
      assertThat(baton("trace", ALERTS, "" + alert.partition(), "" + alert.offset(), "--depth", "1").out())
          .contains("hop 1  alerts").doesNotContain("hop 2").contains("(stopped after 1 hop (--depth))");

      // A dead letter: why it was rejected and which reading it was.
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
          .until(() -> reader.readCommitted(LETTERS).size() >= 2);
      KafkaRecord letter = reader.readCommitted(LETTERS).stream()
          .filter(r -> r.lastHeader("baton.reason").orElse("").startsWith("rule:")).findFirst().orElseThrow();
      JsonNode why = json.readTree(baton("trace", LETTERS, "" + letter.partition(), "" + letter.offset(), "--json").out());
      assertThat(why.get("record").get("value").get("celsius").asDouble()).isEqualTo(500.0);
      assertThat(why.get("hops")).hasSize(1);
      JsonNode rejecting = why.get("hops").get(0);
      assertThat(rejecting.get("stage").asText()).isEqualTo("readings");
      assertThat(rejecting.get("rejected").asText()).startsWith("rule:celsius in physical range");
      assertThat(rejecting.get("raw").asBoolean()).isTrue();
      assertThat(rejecting.get("inputs").asText()).isEqualTo(INPUT + ":0:" + rejected);
      assertThat(rejecting.get("records").get(0).get("value").get("celsius").asDouble()).isEqualTo(500.0);

      // One-line errors.
      CliRun missing = CliRun.at(home, "trace", ALERTS, "0", "999");
      assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILED);
      assertThat(missing.err().trim()).matches("baton: no offset 999 in " + ALERTS + ":0, whose offsets run from 0 to \\d+");
      CliRun stranger = CliRun.at(home, "trace", "nobody.writes.this", "0", "0");
      assertThat(stranger.exitCode()).isEqualTo(ExitCodes.FAILED);
      assertThat(stranger.err()).contains("topic nobody.writes.this is not part of any pipeline in baton-examples.jar (");

      // tail: a newer schema version decoded, undecodable bytes in base64, a dead letter with its reason, headers readable.
      String readings = baton("tail", INPUT, "--from-beginning").out();
      assertThat(readings.lines()).anySatisfy(l -> assertThat(l).startsWith(INPUT + ":0:").contains("\"site\":\"roof\""));
      long newerOffset = newer;
      assertThat(readings.lines().filter(l -> l.startsWith(INPUT + ":0:" + newerOffset + " "))).singleElement()
          .satisfies(l -> assertThat(l).endsWith("{\"sensorId\":\"s-cool\",\"celsius\":21.0,\"timestamp\":" + (T0 + 20_003) + ",\"site\":\"roof\"}"));
      assertThat(readings.lines()).anySatisfy(l -> assertThat(l).contains("key garbage  <17 bytes, not decodable: magic byte is 0x74")
          .endsWith(java.util.Base64.getEncoder().encodeToString(GARBAGE)));
      assertThat(baton("tail", INPUT, "--last", "2").out().lines()).hasSize(2);
      String letters = baton("tail", LETTERS, "--from-beginning").out();
      long rejectedOffset = rejected;
      assertThat(letters.lines()).anySatisfy(l -> assertThat(l).contains("\"celsius\":500.0")
          .contains("← readings rejected it: rule:celsius in physical range, from " + INPUT + ":0:" + rejectedOffset));
      String withHeaders = baton("tail", ALERTS, "--headers").out();
      System.out.print(withHeaders);
      assertThat(withHeaders).contains("    baton.lineage: stage alerts, version 1, 1 input: sensor-story.per-minute:0:");
      JsonNode alertJson = json.readTree(baton("tail", ALERTS, "--last", "1", "--json", "--headers").out().lines().findFirst().orElseThrow());
      assertThat(alertJson.get("value").get("sensorId").asText()).isEqualTo("s-hot");
      assertThat(alertJson.get("headers").get(0).get("key").asText()).isEqualTo("baton.lineage");

      // tail --follow, started now, prints an alert the pipeline commits later.
      StringWriter followed = new StringWriter();
      AtomicInteger exit = new AtomicInteger(-1);
      Thread tail = new Thread(() -> exit.set(Main.commandLine(new PrintWriter(followed, true), new PrintWriter(new StringWriter(), true))
          .execute("tail", ALERTS, "--follow", "--home", home.toString())));
      tail.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> followed.toString().contains("\"sensorId\":\"s-hot\""));
      assertThat(followed.toString()).doesNotContain("s-late-hot");
      for (int i = 0; i < 3; i++) {
        send.reading(v1.encode(new Reading("s-late-hot", 55.0, T0 + 3 * MINUTE + i * 1_000L)), "s-late-hot");
      }
      send.reading(v1.encode(new Reading("clock", 20.0, T0 + 6 * MINUTE)), "clock");
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
          .until(() -> followed.toString().contains("\"sensorId\":\"s-late-hot\""));
      tail.interrupt();
      tail.join(30_000);
      assertThat(tail.isAlive()).isFalse();
      assertThat(exit.get()).isZero();
      System.out.print(followed);
    }
    System.out.printf("TraceIT took %d s%n", Duration.between(started, Instant.now()).toSeconds());
  }

  /** The reading schema with one more field, {@code site}, that has a default: a compatible second version. */
  private static Schema withSite(Schema reading) {
    String json = reading.toString().replace("}]}", "},{\"name\":\"site\",\"type\":\"string\",\"default\":\"lab\"}]}");
    return new Schema.Parser().parse(json);
  }

  /** Sends to partition 0 of the input and returns the offset. */
  private record Sender(KafkaProducer<byte[], byte[]> producer) {
    long reading(byte[] value, String key) throws Exception {
      return producer.send(new ProducerRecord<>(INPUT, 0, key.getBytes(StandardCharsets.UTF_8), value)).get().offset();
    }
  }
}
