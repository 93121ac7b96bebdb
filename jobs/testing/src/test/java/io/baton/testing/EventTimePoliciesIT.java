package io.baton.testing;

import static io.baton.testing.Sensors.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.connectors.BatonHeaders;
import io.baton.connectors.KafkaRecord;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tumbling, sliding and session windows by event time, keyed and unkeyed, with late records. */
class EventTimePoliciesIT {
  private static final Duration WAIT = Duration.ofMinutes(2);

  /** A source with event time from the records, then one windowed stage. */
  static PipelineDefinition windowed(String name, Batch batch) {
    return () -> {
      Pipeline p = Pipeline.named(name);
      Stage<Reading> readings = p.source("readings",
          Topic.of(name + ".in", Reading.class).eventTime(Reading::getTimestamp, Duration.ZERO));
      p.stage("windows", readings, batch, Sensors::summarize);
      return p;
    };
  }

  private static void pipe(PipelineTestDriver driver, String topic, String sensor, long... times) {
    for (long t : times) {
      driver.pipe(topic, reading(sensor, t / 1000.0, t), t);
    }
  }

  @Test
  void tumblingWindowsPerKeyByEventTime() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    pipe(driver, "tumbling.in", "a", 1_000, 4_000, 9_999, 10_000, 12_000);
    pipe(driver, "tumbling.in", "b", 3_000, 25_000);
    driver.runBounded(windowed("tumbling", Batch.every(Duration.ofSeconds(10)).keyedBy(Reading::getSensorId)), WAIT);
    assertThat(Sensors.digest(driver.readAll("tumbling.windows", Summary.class)))
        .containsExactly("a:2:22@10000", "a:3:14@1000", "b:1:25@25000", "b:1:3@3000");
  }

  @Test
  void unkeyedWindowsGatherEveryKey() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    pipe(driver, "unkeyed.in", "a", 1_000, 2_000);
    pipe(driver, "unkeyed.in", "b", 3_000, 11_000);
    driver.runBounded(windowed("unkeyed", Batch.every(Duration.ofSeconds(10))), WAIT);
    assertThat(Sensors.digest(driver.readAll("unkeyed.windows", Summary.class)))
        .containsExactly("*:1:11@11000", "*:3:6@1000");
  }

  @Test
  void slidingWindowsOverlap() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    pipe(driver, "sliding.in", "a", 1_000, 6_000, 11_000);
    driver.runBounded(windowed("sliding",
        Batch.sliding(Duration.ofSeconds(10), Duration.ofSeconds(5)).keyedBy(Reading::getSensorId)), WAIT);
    // Windows [-5,5) [0,10) [5,15) [10,20) hold {1} {1,6} {6,11} {11}.
    assertThat(Sensors.digest(driver.readAll("sliding.windows", Summary.class)))
        .containsExactly("a:1:11@11000", "a:1:1@1000", "a:2:17@6000", "a:2:7@1000");
  }

  @Test
  void sessionsCloseAfterAQuietGap() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    pipe(driver, "session.in", "a", 1_000, 3_000, 4_000, 20_000, 22_000);
    pipe(driver, "session.in", "b", 2_000);
    driver.runBounded(windowed("session", Batch.session(Duration.ofSeconds(5)).keyedBy(Reading::getSensorId)), WAIT);
    assertThat(Sensors.digest(driver.readAll("session.windows", Summary.class)))
        .containsExactly("a:2:42@20000", "a:3:8@1000", "b:1:2@2000");
  }

  @Test
  void lateRecordAfterGraceGoesToDeadLetterWithReasonLate() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    PipelineDefinition late = windowed("late",
        Batch.every(Duration.ofSeconds(10)).keyedBy(Reading::getSensorId).withGrace(Duration.ofSeconds(2)));
    try (RunningPipeline run = driver.start(late)) {
      pipe(driver, "late.in", "a", 1_000, 5_000, 60_000);
      // The window [0,10) closes once 60 s is read; a record for it after that is past grace.
      assertThat(driver.read("late.windows", Summary.class, 1, WAIT)).hasSize(1);
      pipe(driver, "late.in", "a", 3_000);
      List<KafkaRecord> dead = driver.deadLetters("late", "windows", 1, WAIT);
      KafkaRecord letter = dead.get(0);
      assertThat(letter.lastHeader(BatonHeaders.REASON)).contains("late");
      assertThat(letter.lastHeader(BatonHeaders.STAGE)).contains("windows");
      assertThat(letter.lastHeader(BatonHeaders.SOURCE_TOPIC)).contains("late.readings");
      assertThat(letter.lastHeader(BatonHeaders.ERROR)).get().asString().contains("grace PT2S");
      // Nothing lost: the late record's bytes, exactly as the source stage produced them, are there to replay.
      long offset = Long.parseLong(letter.lastHeader(BatonHeaders.SOURCE_OFFSET).orElseThrow());
      KafkaRecord produced = driver.readAllRaw("late.readings").stream().filter(r -> r.offset() == offset)
          .findFirst().orElseThrow();
      assertThat(letter.value()).isNotEmpty().isEqualTo(produced.value());
      assertThat(Sensors.digest(driver.readAll("late.windows", Summary.class))).containsExactly("a:2:6@1000");
    }
  }

  @Test
  void recordWithinGraceStillCounts() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    PipelineDefinition grace = windowed("grace",
        Batch.every(Duration.ofSeconds(10)).keyedBy(Reading::getSensorId).withGrace(Duration.ofSeconds(30)));
    try (RunningPipeline run = driver.start(grace)) {
      pipe(driver, "grace.in", "a", 1_000, 15_000);
      assertThat(driver.read("grace.windows", Summary.class, 1, WAIT)).hasSize(1);
      pipe(driver, "grace.in", "a", 2_000);
      // Within grace the window fires again, now with both records.
      List<Summary> all = driver.read("grace.windows", Summary.class, 2, WAIT);
      assertThat(all).extracting(Summary::getCount).containsExactly(1, 2);
      assertThat(driver.readAllRaw("grace.windows.dead-letter")).isEmpty();
    }
  }
}
