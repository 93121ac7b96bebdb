package io.baton.testing;

import static io.baton.testing.Sensors.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.connectors.KafkaRecord;
import io.baton.schemas.wire.WireEncoder;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Policies that wait on the wall clock: countOrTime, bytes and processing-time windows, streaming. */
class ProcessingTimePoliciesIT {
  private static final Duration WAIT = Duration.ofMinutes(1);
  /** A maxWait no test here lives to see. */
  private static final Duration NEVER_WITHIN_THE_TEST = Duration.ofHours(1);

  /** A source without event time, then one batching stage named "batches". */
  static PipelineDefinition batched(String name, Batch batch) {
    return () -> {
      Pipeline p = Pipeline.named(name);
      Stage<Reading> readings = p.source("readings", Topic.of(name + ".in", Reading.class));
      p.stage("batches", readings, batch, Sensors::summarize);
      return p;
    };
  }

  @Test
  void countOrTimeReleasesFullBatchesByCount() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    long t0 = System.currentTimeMillis();
    for (int i = 1; i <= 7; i++) {
      driver.pipe("count-first.in", reading("a", i, t0 + i), t0 + i);
    }
    // The wait outlasts the test: only the count can release a batch, however the records arrive.
    try (RunningPipeline run = driver.start(batched("count-first",
        Batch.countOrTime(3, NEVER_WITHIN_THE_TEST).keyedBy(Reading::getSensorId)))) {
      List<Summary> out = driver.read("count-first.batches", Summary.class, 2, WAIT);
      // Readings 1..3 and 4..6; the seventh waits for two more.
      assertThat(Sensors.digest(out)).containsExactly("a:3:15@" + (t0 + 4), "a:3:6@" + (t0 + 1));
    }
  }

  @Test
  void countOrTimeReleasesWhatIsLeftOnceItsWaitEnds() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    long t0 = System.currentTimeMillis();
    for (int i = 1; i <= 5; i++) {
      driver.pipe("time-rest.in", reading("a", i, t0 + i), t0 + i);
    }
    // A count never reached: whatever batches come out, only the 1 s wait released them.
    try (RunningPipeline run = driver.start(batched("time-rest",
        Batch.countOrTime(1_000, Duration.ofSeconds(1)).keyedBy(Reading::getSensorId)))) {
      awaitAllReadings(driver, "time-rest.batches", 5);
      assertEachReadingOnce(driver.readAll("time-rest.batches", Summary.class), 5);
    }
  }

  @Test
  void bytesFillsABoxOfThreeRecords() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    long t0 = System.currentTimeMillis();
    List<Reading> readings = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      readings.add(reading("a", i, t0 + i));
    }
    int size = encodedSize(readings);
    for (Reading r : readings) {
      driver.pipe("bytes-box.in", r, r.getTimestamp());
    }
    // The wait outlasts the test: only a full box can release a batch.
    try (RunningPipeline run = driver.start(batched("bytes-box",
        Batch.bytes(3L * size, NEVER_WITHIN_THE_TEST).keyedBy(Reading::getSensorId)))) {
      List<Summary> out = driver.read("bytes-box.batches", Summary.class, 2, WAIT);
      assertThat(Sensors.digest(out)).containsExactly("a:3:15@" + (t0 + 4), "a:3:6@" + (t0 + 1));
      // What the stage weighed is what its input topic holds: the measured size per record.
      assertThat(driver.readAllRaw("bytes-box.readings")).extracting(KafkaRecord::sizeInBytes)
          .containsOnly(size).hasSize(7);
    }
  }

  @Test
  void bytesGivesUpWaitingForABoxThatDoesNotFill() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    long t0 = System.currentTimeMillis();
    List<Reading> readings = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      readings.add(reading("a", i, t0 + i));
    }
    int size = encodedSize(readings);
    for (Reading r : readings) {
      driver.pipe("bytes-wait.in", r, r.getTimestamp());
    }
    // A box for a thousand records: whatever batches come out, only the 1 s wait released them.
    try (RunningPipeline run = driver.start(batched("bytes-wait",
        Batch.bytes(1_000L * size, Duration.ofSeconds(1)).keyedBy(Reading::getSensorId)))) {
      awaitAllReadings(driver, "bytes-wait.batches", 5);
      assertEachReadingOnce(driver.readAll("bytes-wait.batches", Summary.class), 5);
    }
  }

  /** Handoff records are unkeyed framed Avro; the schema id always takes 4 bytes, so any id measures them. */
  private static int encodedSize(List<Reading> readings) {
    WireEncoder<Reading> measure = WireEncoder.forSpecific(Reading.class, 1);
    List<Integer> sizes = readings.stream().map(r -> measure.encode(r).length).distinct().toList();
    assertThat(sizes).as("every reading encodes to the same size").hasSize(1);
    return sizes.get(0);
  }

  private static void awaitAllReadings(PipelineTestDriver driver, String topic, int count) {
    await().atMost(WAIT).until(() ->
        driver.readAll(topic, Summary.class).stream().mapToInt(Summary::getCount).sum() >= count);
  }

  /** Readings 1..n (celsius = number), each in exactly one batch, every batch of consecutive readings. */
  private static void assertEachReadingOnce(List<Summary> out, int n) {
    assertThat(out).extracting(Summary::getSensorId).containsOnly("a");
    assertThat(out.stream().mapToInt(Summary::getCount).sum()).isEqualTo(n);
    // Sensors.summarize puts the sum of the batch's readings in meanCelsius.
    assertThat(out.stream().mapToDouble(Summary::getMeanCelsius).sum()).isEqualTo(n * (n + 1) / 2.0);
    assertThat(out).allSatisfy(s -> assertThat(s.getMaxCelsius() - s.getMinCelsius() + 1).isEqualTo(s.getCount()));
  }

  @Test
  void everyInProcessingTimeBatchesByTheWallClock() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    long started = System.currentTimeMillis();
    // Record times an hour ago: processing-time windows ignore them.
    long old = started - Duration.ofHours(1).toMillis();
    try (RunningPipeline run = driver.start(batched("wall-clock",
        Batch.every(Duration.ofSeconds(1)).inProcessingTime().keyedBy(Reading::getSensorId)))) {
      for (int i = 1; i <= 3; i++) {
        driver.pipe("wall-clock.in", reading("a", i, old + i), old + i);
      }
      await().atMost(WAIT).until(() ->
          driver.readAll("wall-clock.batches", Summary.class).stream().mapToInt(Summary::getCount).sum() == 3);
      // Every output is stamped with the end of a 1 s window of the wall clock, after the test started.
      assertThat(driver.readAllRaw("wall-clock.batches")).isNotEmpty().allSatisfy(r -> {
        assertThat(r.timestamp()).isGreaterThan(started);
        assertThat((r.timestamp() + 1) % 1000).isZero();
      });
      List<Summary> out = driver.readAll("wall-clock.batches", Summary.class);
      // The three readings land in one or two wall-clock windows, each exactly once.
      assertThat(out).extracting(Summary::getSensorId).containsOnly("a");
      assertThat(out.stream().mapToDouble(Summary::getMeanCelsius).sum()).isEqualTo(6.0);
      assertThat(out.stream().mapToInt(Summary::getCount).sum()).isEqualTo(3);
    }
  }
}
