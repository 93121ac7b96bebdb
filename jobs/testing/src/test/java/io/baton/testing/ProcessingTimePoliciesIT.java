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
import java.util.List;
import org.junit.jupiter.api.Test;

/** Policies that wait on the wall clock: countOrTime, bytes and processing-time windows, streaming. */
class ProcessingTimePoliciesIT {
  private static final Duration WAIT = Duration.ofMinutes(1);

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
  void countOrTimeFiresAFullBatchByCountAndTheRestByTime() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    long t0 = System.currentTimeMillis();
    // Written before the jobs start, so the source hands all five on together, well within 1 s.
    for (int i = 1; i <= 5; i++) {
      driver.pipe("count-or-time.in", reading("a", i, t0 + i), t0 + i);
    }
    try (RunningPipeline run = driver.start(batched("count-or-time",
        Batch.countOrTime(3, Duration.ofSeconds(1)).keyedBy(Reading::getSensorId)))) {
      List<Summary> out = driver.read("count-or-time.batches", Summary.class, 2, WAIT);
      // Three by count (readings 1..3), then the two left over once 1 s has passed (4, 5): never 5 at once.
      assertThat(out).extracting(Summary::getCount).containsExactly(3, 2);
      assertThat(Sensors.digest(out)).containsExactly("a:2:9@" + (t0 + 4), "a:3:6@" + (t0 + 1));
    }
  }

  @Test
  void bytesFillsABoxOfThreeRecordsThenGivesUpWaitingForTheRest() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    long t0 = System.currentTimeMillis();
    List<Reading> readings = List.of(reading("a", 1, t0 + 1), reading("a", 2, t0 + 2), reading("a", 3, t0 + 3),
        reading("a", 4, t0 + 4), reading("a", 5, t0 + 5));
    // Handoff records are unkeyed framed Avro; the schema id always takes 4 bytes, so any id measures them.
    WireEncoder<Reading> measure = WireEncoder.forSpecific(Reading.class, 1);
    List<Integer> sizes = readings.stream().map(r -> measure.encode(r).length).distinct().toList();
    assertThat(sizes).as("every reading encodes to the same size").hasSize(1);
    int size = sizes.get(0);

    for (Reading r : readings) {
      driver.pipe("bytes-box.in", r, r.getTimestamp());
    }
    try (RunningPipeline run = driver.start(batched("bytes-box",
        Batch.bytes(3L * size, Duration.ofSeconds(1)).keyedBy(Reading::getSensorId)))) {
      List<Summary> out = driver.read("bytes-box.batches", Summary.class, 2, WAIT);
      assertThat(out).extracting(Summary::getCount).containsExactly(3, 2);
      assertThat(Sensors.digest(out)).containsExactly("a:2:9@" + (t0 + 4), "a:3:6@" + (t0 + 1));
      // What the stage weighed is what its input topic holds: the measured size per record.
      assertThat(driver.readAllRaw("bytes-box.readings")).extracting(KafkaRecord::sizeInBytes)
          .containsOnly(size).hasSize(5);
    }
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
