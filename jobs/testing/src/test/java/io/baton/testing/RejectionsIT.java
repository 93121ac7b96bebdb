package io.baton.testing;

import static io.baton.testing.Sensors.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.accept.Accept;
import io.baton.api.batch.Batch;
import io.baton.connectors.BatonHeaders;
import io.baton.connectors.KafkaRecord;
import io.baton.schemas.wire.WireEncoder;
import io.baton.schemas.sensor.Alert;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a source does not accept goes to its dead-letter topic with the reason, the error, where it came
 * from and its original bytes; nothing is lost: records in = accepted + dead letters.
 */
class RejectionsIT {
  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final String P = "rejections";
  private static final String IN = P + ".in";
  private static final int MAX_BYTES = 64;

  static final class Guarded implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named(P);
      Stage<Reading> readings = p.source("readings", Topic.of(IN, Reading.class)
          .accept(Accept.<Reading>schema()
              .rule("celsius in range", r -> r.getCelsius() >= -90 && r.getCelsius() <= 60)
              .maxRecordBytes(MAX_BYTES)));
      p.stage("count", readings, Batch.count(10), Sensors::summarize);
      return p;
    }
  }

  /** One rejected input: what was written, and what its dead letter must say. */
  private record Bad(long offset, byte[] key, byte[] value, String reason, String error) {}

  @Test
  void everyRejectedRecordIsADeadLetterWithItsReasonOriginAndBytes() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    Instant started = Instant.now();
    long t0 = started.toEpochMilli();
    int readingId = driver.registryClient().register(IN + "-value", Reading.getClassSchema());
    WireEncoder<Reading> encoder = WireEncoder.forSpecific(Reading.class, readingId);
    byte[] valid = encoder.encode(reading("a", 20, t0));
    int alertId = driver.registryClient().register(P + ".alerts-value", Alert.getClassSchema());
    byte[] alert = WireEncoder.forSpecific(Alert.class, alertId).encode(new Alert("a", t0, 99.0, "hot"));

    byte[] wrongMagic = valid.clone();
    wrongMagic[0] = 1;
    byte[] unknownId = valid.clone();
    unknownId[1] = 0x7f; // id 0x7f0000xx: never handed out by the registry
    int unknown = ((unknownId[1] & 0xff) << 24) | ((unknownId[2] & 0xff) << 16) | ((unknownId[3] & 0xff) << 8)
        | (unknownId[4] & 0xff);
    byte[] tooLarge = encoder.encode(reading("x".repeat(100), 20, t0));
    byte[] outOfRange = encoder.encode(reading("a", 100, t0));
    byte[] good2 = encoder.encode(reading("b", -5, t0));

    List<Bad> bad = List.of(
        new Bad(1, null, "not avro at all".getBytes(StandardCharsets.UTF_8), "malformed",
            "magic byte is 0x6e, expected 0x00"),
        new Bad(2, null, wrongMagic, "malformed", "magic byte is 0x01, expected 0x00"),
        new Bad(3, null, Arrays.copyOf(valid, valid.length - 3), "malformed",
            "cannot decode with writer schema id " + readingId),
        new Bad(4, "k-null".getBytes(StandardCharsets.UTF_8), null, "malformed", "value is null"),
        new Bad(5, null, new byte[] {0, 0}, "malformed", "fewer than the 5-byte Confluent header"),
        new Bad(6, null, unknownId, "schema", "unknown schema id " + unknown),
        new Bad(7, null, alert, "schema", "cannot be read as io.baton.schemas.sensor.Reading"),
        new Bad(8, "k-hot".getBytes(StandardCharsets.UTF_8), outOfRange, "rule:celsius in range",
            "rule 'celsius in range' is false"),
        new Bad(9, null, tooLarge, "too-large", tooLarge.length + " bytes > maxRecordBytes " + MAX_BYTES));

    driver.pipeBytes(IN, null, valid, t0);
    for (Bad b : bad) {
      driver.pipeBytes(IN, b.key(), b.value(), t0 + b.offset());
    }
    driver.pipeBytes(IN, null, good2, t0 + 10);

    driver.runBounded(new Guarded(), WAIT);

    List<KafkaRecord> in = driver.readAllRaw(IN);
    List<KafkaRecord> accepted = driver.readAllRaw(P + ".readings");
    List<KafkaRecord> dead = driver.readAllRaw(P + ".readings.dead-letter");
    assertThat(in).extracting(KafkaRecord::offset).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    // Nothing lost: every record read is either handed on or dead-lettered, once.
    assertThat(accepted.size() + dead.size()).isEqualTo(in.size());
    assertThat(driver.readAll(P + ".readings", Reading.class))
        .containsExactly(reading("a", 20, t0), reading("b", -5, t0));

    Map<Long, KafkaRecord> byOffset = dead.stream().collect(Collectors.toMap(
        r -> Long.parseLong(r.lastHeader(BatonHeaders.SOURCE_OFFSET).orElseThrow()), Function.identity(),
        (a, b) -> { throw new AssertionError("two dead letters for offset " + a.lastHeader(BatonHeaders.SOURCE_OFFSET)); },
        TreeMap::new));
    assertThat(byOffset.keySet()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    Instant finished = Instant.now();
    for (Bad b : bad) {
      KafkaRecord letter = byOffset.get(b.offset());
      String what = "dead letter of offset " + b.offset();
      assertThat(letter.lastHeader(BatonHeaders.REASON)).as(what).contains(b.reason());
      assertThat(letter.lastHeader(BatonHeaders.ERROR)).as(what).get().asString().contains(b.error());
      assertThat(letter.lastHeader(BatonHeaders.SOURCE_TOPIC)).as(what).contains(IN);
      assertThat(letter.lastHeader(BatonHeaders.SOURCE_PARTITION)).as(what).contains("0");
      assertThat(letter.lastHeader(BatonHeaders.STAGE)).as(what).contains("readings");
      assertThat(Instant.parse(letter.lastHeader(BatonHeaders.TIME).orElseThrow())).as(what)
          .isBetween(started, finished);
      assertThat(letter.lastHeader(BatonHeaders.RULE)).as(what)
          .isEqualTo(b.reason().startsWith("rule:") ? Optional.of("celsius in range") : Optional.empty());
      // The original record, untouched: bytes, key and timestamp.
      assertThat(letter.value()).as(what).isEqualTo(b.value());
      assertThat(letter.key()).as(what).isEqualTo(b.key());
      assertThat(letter.timestamp()).as(what).isEqualTo(t0 + b.offset());
    }
    // Accepted records went on to the next stage, which saw no rejections of its own.
    assertThat(driver.readAll(P + ".count", Summary.class)).extracting(Summary::getCount).containsExactly(2);
    assertThat(driver.readAllRaw(P + ".count.dead-letter")).isEmpty();
  }
}
