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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Nothing is lost, stage by stage, for a corpus with every kind of rejection, streaming: records in =
 * records handed on (or batched) + dead letters, and the dead letters say why.
 */
class AccountingIT {
  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final String P = "accounting";
  private static final String IN = P + ".in";

  static final class TwoStages implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named(P);
      Stage<Reading> readings = p.source("readings", Topic.of(IN, Reading.class)
          .accept(Accept.<Reading>schema()
              .rule("celsius in range", r -> r.getCelsius() >= -90 && r.getCelsius() <= 60)
              .maxRecordBytes(64)
              .rateLimitPerKey(Reading::getSensorId, 3, Duration.ofSeconds(10)))
          .eventTime(Reading::getTimestamp, Duration.ZERO));
      p.stage("windows", readings, Batch.every(Duration.ofSeconds(10)).keyedBy(Reading::getSensorId).withNoGrace(),
          Sensors::summarize);
      return p;
    }
  }

  @Test
  void everyStageBalancesWithEveryRejectionReason() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    int alertId = driver.registryClient().register(P + ".alerts-value", Alert.getClassSchema());
    try (RunningPipeline run = driver.start(new TwoStages())) {
      for (long t : new long[] {1_000, 2_000, 4_000}) {
        driver.pipe(IN, reading("a", 20, t), t);
      }
      driver.pipe(IN, reading("b", 10, 3_000), 3_000);
      driver.pipe(IN, reading("a", 20, 5_000), 5_000);                         // throttled: a's 4th in [0, 10 s)
      driver.pipeBytes(IN, null, "not avro".getBytes(StandardCharsets.UTF_8), 5_000);   // malformed
      driver.pipeBytes(IN, null, WireEncoder.forSpecific(Alert.class, alertId)
          .encode(new Alert("a", 5_000L, 99.0, "hot")), 5_000);                 // schema: an Alert is no Reading
      driver.pipe(IN, reading("x".repeat(80), 20, 5_000), 5_000);              // too-large
      driver.pipe(IN, reading("b", 99, 6_000), 6_000);                          // rule
      driver.pipe(IN, reading("a", 30, 60_000), 60_000);                        // closes the windows of [0, 10 s)
      driver.read(P + ".windows", Summary.class, 2, WAIT);
      driver.pipe(IN, reading("b", 10, 7_000), 7_000);                          // late at the windows stage
      driver.deadLetters(P, "windows", 1, WAIT);
      driver.deadLetters(P, "readings", 5, WAIT);
      run.drain(WAIT);
    }

    List<KafkaRecord> in = driver.readAllRaw(IN);
    List<KafkaRecord> handedOn = driver.readAllRaw(P + ".readings");
    List<KafkaRecord> sourceDead = driver.readAllRaw(P + ".readings.dead-letter");
    List<Summary> batches = driver.readAll(P + ".windows", Summary.class);
    List<KafkaRecord> windowsDead = driver.readAllRaw(P + ".windows.dead-letter");

    assertThat(in).hasSize(11);
    assertThat(handedOn.size() + sourceDead.size()).as("readings: in = handed on + dead letters").isEqualTo(in.size());
    assertThat(reasons(sourceDead)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
        "malformed", 1L, "rule:celsius in range", 1L, "schema", 1L, "throttled", 1L, "too-large", 1L)));

    long batched = batches.stream().mapToLong(Summary::getCount).sum();
    assertThat(batched + windowsDead.size()).as("windows: in = batched + dead letters").isEqualTo(handedOn.size());
    assertThat(reasons(windowsDead)).containsExactlyEntriesOf(Map.of("late", 1L));
    assertThat(Sensors.digest(batches)).containsExactly("a:1:30@60000", "a:3:60@1000", "b:1:10@3000");
  }

  private static Map<String, Long> reasons(List<KafkaRecord> letters) {
    return letters.stream().collect(Collectors.groupingBy(
        r -> r.lastHeader(BatonHeaders.REASON).orElseThrow(), TreeMap::new, Collectors.counting()));
  }
}
