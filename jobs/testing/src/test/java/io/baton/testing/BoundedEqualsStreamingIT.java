package io.baton.testing;

import static io.baton.testing.Sensors.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.connectors.KafkaRecord;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One event-time pipeline over one input gives the same output bounded (Flink BATCH) and streaming. */
class BoundedEqualsStreamingIT {
  private static final Duration WAIT = Duration.ofMinutes(2);
  /** Ten minutes ago, on a whole minute, so 10 s windows start at BASE. */
  private static final long BASE = (System.currentTimeMillis() / 60_000 - 10) * 60_000;

  /** Sensor and second of each reading, in the order written; out of order by at most 2 s, never late. */
  private static final String[] SENSORS = {"a", "b", "a", "c", "a", "b", "a", "c", "b", "a", "c", "b", "a", "c", "b", "a"};
  private static final int[] SECONDS = {1, 2, 4, 9, 8, 11, 13, 12, 19, 21, 25, 23, 34, 33, 41, 44};

  /** Keyed 10 s tumbling windows, watermarks 3 s behind the newest reading. */
  static PipelineDefinition windows(String name) {
    return () -> {
      Pipeline p = Pipeline.named(name);
      Stage<Reading> readings = p.source("readings",
          Topic.of(name + ".in", Reading.class).eventTime(Reading::getTimestamp, Duration.ofSeconds(3)));
      p.stage("windows", readings, Batch.every(Duration.ofSeconds(10)).keyedBy(Reading::getSensorId),
          Sensors::summarize);
      return p;
    };
  }

  @Test
  void boundedAndStreamingRunsOfOneInputWriteTheSameWindows() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    pipeAll(driver, "same-bounded.in");
    pipeAll(driver, "same-streaming.in");

    driver.runBounded(windows("same-bounded"), WAIT);
    List<String> bounded = windows(driver, "same-bounded.windows");

    try (RunningPipeline run = driver.start(windows("same-streaming"))) {
      // The last reading (44 s) moves the watermark to 40.999 s: every window but [40, 50) closes by itself.
      assertThat(driver.read("same-streaming.windows", Summary.class, 11, WAIT)).hasSize(11);
      // Draining ends event time, so the window still open fires too, as at the end of a bounded run.
      run.drain(WAIT);
    }
    List<String> streaming = windows(driver, "same-streaming.windows");

    List<String> expected = List.of(
        "a@0 3:13", "b@0 1:2", "c@0 1:9",
        "a@10 1:13", "b@10 2:30", "c@10 1:12",
        "a@20 1:21", "b@20 1:23", "c@20 1:25",
        "a@30 1:34", "c@30 1:33",
        "b@40 1:41", "a@40 1:44");
    assertThat(bounded).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(streaming).containsExactlyInAnyOrderElementsOf(bounded);
    // Identical records, not just identical digests.
    assertThat(summaries(driver, "same-streaming.windows"))
        .containsExactlyInAnyOrderElementsOf(summaries(driver, "same-bounded.windows"));
    for (String pipeline : List.of("same-bounded", "same-streaming")) {
      assertThat(driver.readAllRaw(pipeline + ".windows.dead-letter")).as(pipeline + " late records").isEmpty();
    }
  }

  private static void pipeAll(PipelineTestDriver driver, String topic) {
    for (int i = 0; i < SENSORS.length; i++) {
      long t = BASE + SECONDS[i] * 1000L;
      driver.pipe(topic, reading(SENSORS[i], SECONDS[i], t), t);
    }
  }

  /** "sensor@windowStartSecond count:sum" per output; the window comes from the output's timestamp. */
  private static List<String> windows(PipelineTestDriver driver, String topic) {
    List<KafkaRecord> raw = driver.readAllRaw(topic);
    List<String> out = new ArrayList<>();
    for (KafkaRecord r : raw) {
      Summary s = Decoding.one(driver, r, Summary.class);
      long windowStart = (r.timestamp() + 1 - 10_000 - BASE) / 1000;
      out.add(s.getSensorId() + "@" + windowStart + " " + s.getCount() + ":" + (long) s.getMeanCelsius());
    }
    return out;
  }

  private static List<String> summaries(PipelineTestDriver driver, String topic) {
    return driver.readAll(topic, Summary.class).stream().map(Summary::toString).toList();
  }
}
