package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.TopicReader;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.wire.WireEncoder;
import io.baton.schemas.sensor.Reading;
import io.baton.stack.Ports;
import io.baton.stack.StackEndpoints;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real local stack ({@code baton up} on free ports): the sensor story rejects an out-of-range reading and
 * undecodable bytes; {@code baton dead-letters} lists and decodes them; {@code baton replay} re-sends the
 * malformed one once, which the stage rejects again, and a second replay skips it.
 */
class DeadLettersIT {
  private static final String INPUT = "sensors.readings";
  private static final String LETTERS = "sensor-story.readings.dead-letter";
  private static final String RULE = "rule:celsius in physical range";
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
  void deadLettersAreListedDecodedAndReplayedOnce() throws Exception {
    Instant started = Instant.now();
    assertThat(CliRun.up(home, ports).exitCode()).isZero();
    assertThat(baton("run", "sensor-story").out()).contains("Running 3 jobs of sensor-story");
    assertThat(baton("dead-letters", "sensor-story").out().trim()).isEqualTo("No dead letters in sensor-story");

    long now = System.currentTimeMillis();
    try (SchemaRegistry registry = SchemaRegistry.connect(RegistryConfig.of(endpoints.registryUrl()));
         KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()),
             new ByteArraySerializer(), new ByteArraySerializer())) {
      WireEncoder<Reading> encoder = WireEncoder.forSpecific(Reading.class, registry.register(INPUT + "-value", Reading.getClassSchema()));
      producer.send(new ProducerRecord<>(INPUT, 0, utf8("s-1"), encoder.encode(new Reading("s-1", 21.5, now)))).get();
      producer.send(new ProducerRecord<>(INPUT, 0, utf8("s-2"), encoder.encode(new Reading("s-2", 500.0, now)))).get();
      ProducerRecord<byte[], byte[]> garbage = new ProducerRecord<>(INPUT, 0, utf8("garbage"), GARBAGE);
      garbage.headers().add("trace-id", utf8("t-42"));
      producer.send(garbage).get();
    }

    try (TopicReader reader = new TopicReader(endpoints.kafkaBootstrapServers())) {
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
          .until(() -> reader.readCommitted(LETTERS).size() >= 2);
      List<KafkaRecord> letters = reader.readCommitted(LETTERS);
      KafkaRecord malformed = letters.stream().filter(r -> r.lastHeader("baton.reason").orElse("").equals("malformed"))
          .findFirst().orElseThrow();
      String marker = LETTERS + ":" + malformed.partition() + ":" + malformed.offset();

      // The listing: one line per letter, the rule-rejected value decoded, the garbage described, counts by reason.
      String listing = baton("dead-letters", "sensor-story").out();
      System.out.print(listing); // shows the listing in the test log
      List<String> lines = listing.lines().toList();
      assertThat(lines).hasSize(3);
      assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("readings  " + RULE + "  from " + INPUT + ":0:1  at ")
          .contains("  value: {\"sensorId\":\"s-2\",\"celsius\":500.0,\"timestamp\":" + now + "}"));
      assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("readings  malformed  from " + INPUT + ":0:2  at ")
          .endsWith("value: <17 bytes, not decodable: magic byte is 0x74, expected 0x00 (not Confluent-framed Avro)>"));
      assertThat(lines.get(2)).isEqualTo("2 dead letters in sensor-story: malformed 1, " + RULE + " 1");

      List<String> ruleJson = baton("dead-letters", "sensor-story", "--reason", "rule", "--json").out().lines().toList();
      assertThat(ruleJson).hasSize(2);
      JsonNode letter = json.readTree(ruleJson.get(0));
      assertThat(letter.get("stage").asText()).isEqualTo("readings");
      assertThat(letter.get("reason").asText()).isEqualTo(RULE);
      assertThat(letter.get("rule").asText()).isEqualTo("celsius in physical range");
      assertThat(letter.get("source").toString()).isEqualTo("{\"topic\":\"" + INPUT + "\",\"partition\":0,\"offset\":1}");
      assertThat(letter.get("key").asText()).isEqualTo("s-2");
      assertThat(letter.get("value").get("celsius").asDouble()).isEqualTo(500.0);
      assertThat(letter.get("value").get("sensorId").asText()).isEqualTo("s-2");
      assertThat(letter.has("undecodable")).isFalse();
      assertThat(json.readTree(ruleJson.get(1)).get("summary").toString()).isEqualTo("{\"pipeline\":\"sensor-story\","
          + "\"stages\":[\"readings\",\"per-minute\",\"alerts\"],\"reason\":\"rule\",\"letters\":1,\"shown\":1,\"byReason\":{\"" + RULE + "\":1}}");

      // Replay the malformed letter: back in the input with the original bytes, headers and a marker.
      assertThat(baton("replay", "sensor-story", "--stage", "readings", "--reason", "malformed").out().trim()).isEqualTo(
          "Re-sent 1 dead letter of sensor-story/readings with reason malformed to " + INPUT + ": malformed 1");
      List<KafkaRecord> replays = replaysIn(reader);
      assertThat(replays).hasSize(1);
      KafkaRecord replay = replays.get(0);
      assertThat(replay.value()).isEqualTo(GARBAGE);
      assertThat(replay.key()).isEqualTo(utf8("garbage"));
      assertThat(replay.lastHeader("baton.replay.of")).contains(marker);
      assertThat(replay.lastHeader("trace-id")).contains("t-42");
      assertThat(replay.lastHeader("baton.reason")).isEmpty();
      assertThat(replay.headers()).extracting(h -> h.key()).containsExactly("trace-id", "baton.replay.of", "baton.replay.time");

      // Still malformed: the stage rejects it again, and the new letter keeps the replay header.
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
          .until(() -> reader.readCommitted(LETTERS).size() >= 3);
      KafkaRecord again = reader.readCommitted(LETTERS).stream().filter(r -> r.lastHeader("baton.replay.of").isPresent())
          .findFirst().orElseThrow();
      assertThat(again.lastHeader("baton.reason")).contains("malformed");
      assertThat(again.lastHeader("baton.replay.of")).contains(marker);
      assertThat(again.lastHeader("baton.source.offset")).contains("" + replay.offset());
      assertThat(baton("dead-letters", "sensor-story", "--stage", "readings", "--reason", "malformed").out())
          .contains("(replay of " + marker + ")")
          .contains("2 dead letters in sensor-story/readings with reason malformed: malformed 2");

      // A second replay sends nothing: the first letter was replayed, the second is that replay failing again.
      assertThat(baton("replay", "sensor-story", "--stage", "readings", "--reason", "malformed").out().lines()).containsExactly(
          "Re-sent 0 dead letters of sensor-story/readings with reason malformed",
          "Skipped 1 already replayed (their baton.replay.of marker is in the input topic): malformed 1",
          "Skipped 1 that failed again after a replay (re-send them with --include-replayed): malformed 1");
      String againMarker = LETTERS + ":" + again.partition() + ":" + again.offset();
      assertThat(baton("replay", "sensor-story", "--stage", "readings", "--reason", "malformed", "--include-replayed",
          "--dry-run").out().lines()).containsExactly(
              "would re-send " + againMarker + " (malformed) to " + INPUT,
              "Would re-send 1 dead letter of sensor-story/readings with reason malformed to " + INPUT + ": malformed 1",
              "Skipped 1 already replayed (their baton.replay.of marker is in the input topic): malformed 1");
      assertThat(replaysIn(reader)).hasSize(1);
    }
    System.out.printf("DeadLettersIT took %d s%n", Duration.between(started, Instant.now()).toSeconds());
  }

  private static List<KafkaRecord> replaysIn(TopicReader reader) {
    return reader.readCommitted(INPUT).stream().filter(r -> r.lastHeader("baton.replay.of").isPresent()).toList();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
