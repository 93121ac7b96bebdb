package io.baton.testing;

import static io.baton.testing.Sensors.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.api.internal.ResourceNames;
import io.baton.connectors.BatonHeaders;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.RunId;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/**
 * A bounded run is repeatable: run twice over the same input, a two-stage pipeline (source, then keyed 10 s tumbling
 * windows reading the source's handoff topic) gives the same windows both times, each run's outputs and dead
 * letters marked with its own run id, equal to a plain-Java count over the input.
 */
class BoundedRepeatIT {
  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final String NAME = "repeat";
  private static final String IN = NAME + ".in";
  private static final String WINDOWS = ResourceNames.handoffTopic(NAME, "windows");
  private static final String[] SENSORS = {"a", "b", "c"};
  private static final int READINGS = 45;

  static PipelineDefinition windows() {
    return windows(NAME);
  }

  static PipelineDefinition windows(String name) {
    return () -> {
      Pipeline p = Pipeline.named(name);
      Stage<Reading> readings = p.source("readings",
          Topic.of(name + ".in", Reading.class).eventTime(Reading::getTimestamp, Duration.ZERO));
      p.stage("windows", readings, Batch.every(Duration.ofSeconds(10)).keyedBy(Reading::getSensorId),
          Sensors::summarize);
      return p;
    };
  }

  @Test
  void aSecondBoundedRunOverTheSameInputGivesTheSameWindows() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    List<Reading> input = new ArrayList<>();
    for (int i = 0; i < READINGS; i++) {
      Reading r = reading(SENSORS[i % SENSORS.length], i % 7, 1_000L * (i * 37 % 60));
      input.add(r);
      driver.pipe(IN, r.getSensorId().toString(), r, r.getTimestamp());
    }
    driver.pipeBytes(IN, null, "not avro".getBytes(StandardCharsets.UTF_8), 5_000L);
    List<String> expected = expectedWindows(input);

    RunId first = driver.runBounded(windows(), WAIT);
    RunId second = driver.runBounded(windows(), WAIT);

    assertThat(second).isNotEqualTo(first).isGreaterThan(first);
    assertThat(Sensors.digest(driver.readRun(WINDOWS, Summary.class, first))).isEqualTo(expected);
    assertThat(Sensors.digest(driver.readRun(WINDOWS, Summary.class, second)))
        .as("the second run reads only what its source stage wrote in that run").isEqualTo(expected);
    assertThat(driver.readAllRaw(WINDOWS)).as("nothing unmarked").hasSize(2 * expected.size())
        .allSatisfy(r -> assertThat(r.lastHeader(BatonHeaders.RUN)).isPresent());
    assertThat(runsOf(driver.readAllRaw(ResourceNames.handoffTopic(NAME, "readings"))))
        .containsExactly(Map.entry(first.toString(), READINGS), Map.entry(second.toString(), READINGS));
    assertThat(runsOf(driver.deadLetters(NAME, "readings", 2, WAIT)))
        .as("each run dead-letters the undecodable record once, marked with the run")
        .containsExactly(Map.entry(first.toString(), 1), Map.entry(second.toString(), 1));
    assertThat(committedOffsets(driver, ResourceNames.consumerGroup(NAME, "windows")))
        .as("a bounded run commits no offsets for its consumer group (what the README says a streaming run reads)")
        .isEmpty();
  }

  @Test
  void aStageWhoseUpstreamWroteNothingInThisRunReadsAnEmptyRangeAndFinishes() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    String name = "repeat-empty";
    driver.pipeBytes(name + ".in", null, new byte[] {1, 2, 3}, 2_000L);

    RunId first = driver.runBounded(windows(name), WAIT);
    RunId second = driver.runBounded(windows(name), WAIT);

    assertThat(driver.readAllRaw(ResourceNames.handoffTopic(name, "readings"))).isEmpty();
    assertThat(driver.readAllRaw(ResourceNames.handoffTopic(name, "windows"))).isEmpty();
    assertThat(runsOf(driver.deadLetters(name, "readings", 2, WAIT)))
        .containsExactly(Map.entry(first.toString(), 1), Map.entry(second.toString(), 1));
  }

  /** Plain Java: per sensor and 10 s window, "sensor:count:sum@first timestamp", sorted as Sensors.digest sorts. */
  private static List<String> expectedWindows(List<Reading> input) {
    Map<String, long[]> windows = new TreeMap<>();
    for (Reading r : input) {
      long[] w = windows.computeIfAbsent(r.getSensorId() + "/" + r.getTimestamp() / 10_000,
          k -> new long[] {0, 0, Long.MAX_VALUE});
      w[0]++;
      w[1] += (long) r.getCelsius();
      w[2] = Math.min(w[2], r.getTimestamp());
    }
    return windows.entrySet().stream()
        .map(e -> e.getKey().split("/")[0] + ":" + e.getValue()[0] + ":" + e.getValue()[1] + "@" + e.getValue()[2])
        .sorted().toList();
  }

  private static Map<String, Integer> runsOf(List<KafkaRecord> records) {
    Map<String, Integer> runs = new TreeMap<>();
    records.forEach(r -> runs.merge(RunId.fromHeaders(r.headers()).map(RunId::toString).orElse("none"), 1, Integer::sum));
    return runs;
  }

  private static Map<?, ?> committedOffsets(PipelineTestDriver driver, String group) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, driver.bootstrapServers()))) {
      return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
    }
  }
}
