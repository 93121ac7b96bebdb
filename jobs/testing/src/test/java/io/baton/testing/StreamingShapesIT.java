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
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Shapes that used to work only halfway, run streaming end to end: a co-group, sliding and session
 * windows in processing time, records partly late for their sliding windows, and windows of a
 * source that has gone quiet.
 */
class StreamingShapesIT {
  private static final Duration WAIT = Duration.ofMinutes(1);
  /** Ten minutes ago, on a whole minute, so windows start at BASE. */
  private static final long BASE = (System.currentTimeMillis() / 60_000 - 10) * 60_000;

  // ---- co-group, streaming ----

  static PipelineDefinition coGroup(String name) {
    return () -> {
      Pipeline p = Pipeline.named(name);
      // Quiet sources close their windows, so the last ones come out without more data.
      Stage<Reading> left = p.source("left", Topic.of(name + ".left.in", Reading.class)
          .eventTime(Reading::getTimestamp, Duration.ZERO).closeWindowsAfterIdle(Duration.ofSeconds(3)));
      Stage<Reading> right = p.source("right", Topic.of(name + ".right.in", Reading.class)
          .eventTime(Reading::getTimestamp, Duration.ZERO).closeWindowsAfterIdle(Duration.ofSeconds(3)));
      p.coGroup("sums", left, Reading::getSensorId, right, Reading::getSensorId,
          Batch.every(Duration.ofSeconds(10)), CoGroupIT::sums);
      return p;
    };
  }

  @Test
  void coGroupRunsStreamingAndMatchesPlainJavaPerKeyAndWindow() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    // Side, sensor, celsius, second: keys on one side only, both sides in one window, several windows.
    Object[][] input = {
        {0, "a", 1, 1}, {1, "a", 100, 4}, {0, "b", 10, 3}, {1, "c", 1000, 5}, {0, "a", 2, 2},
        {0, "a", 3, 12}, {1, "b", 20, 15}, {1, "b", 30, 19}, {0, "c", 7, 26}, {1, "a", 40, 27},
        {0, "b", 5, 44}, {1, "c", 9, 45}};
    try (RunningPipeline run = driver.start(coGroup("co-stream"))) {
      for (Object[] r : input) {
        long t = BASE + (int) r[3] * 1000L;
        driver.pipe((int) r[0] == 0 ? "co-stream.left.in" : "co-stream.right.in",
            reading((String) r[1], (int) r[2], t), t);
      }
      driver.read("co-stream.sums", Summary.class, coGroupByHand(input).size(), WAIT);
    }
    Map<String, String> expected = coGroupByHand(input);
    List<Summary> out = driver.readAll("co-stream.sums", Summary.class);
    List<KafkaRecord> raw = driver.readAllRaw("co-stream.sums");
    List<String> actual = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      Summary s = out.get(i);
      long window = (raw.get(i).timestamp() + 1 - 10_000 - BASE) / 1000;
      actual.add(s.getSensorId() + "@" + window + " left " + s.getCount() / 100 + "=" + (long) s.getMinCelsius()
          + " right " + s.getCount() % 100 + "=" + (long) s.getMaxCelsius());
    }
    assertThat(actual).containsExactlyInAnyOrderElementsOf(
        expected.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    assertThat(driver.readAllRaw("co-stream.sums.dead-letter")).isEmpty();
  }

  /** "key@windowStartSecond" → "left n=sum right m=sum", by plain Java over the input. */
  private static Map<String, String> coGroupByHand(Object[][] input) {
    Map<String, long[]> sums = new TreeMap<>();
    for (Object[] r : input) {
      String key = r[1] + "@" + ((int) r[3] / 10 * 10);
      long[] s = sums.computeIfAbsent(key, k -> new long[4]);
      int side = (int) r[0];
      s[side * 2]++;
      s[side * 2 + 1] += (int) r[2];
    }
    Map<String, String> out = new TreeMap<>();
    sums.forEach((k, s) -> out.put(k, "left " + s[0] + "=" + s[1] + " right " + s[2] + "=" + s[3]));
    return out;
  }

  // ---- processing-time sliding and session windows ----

  static PipelineDefinition batched(String name, Batch batch) {
    return ProcessingTimePoliciesIT.batched(name, batch);
  }

  @Test
  void slidingWindowsInProcessingTimeHoldEveryRecordInSizeOverSlideWindows() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    long started = System.currentTimeMillis();
    long old = started - Duration.ofHours(1).toMillis();
    try (RunningPipeline run = driver.start(batched("wall-sliding",
        Batch.sliding(Duration.ofSeconds(2), Duration.ofSeconds(1)).inProcessingTime().keyedBy(Reading::getSensorId)))) {
      for (int i = 1; i <= 4; i++) {
        driver.pipe("wall-sliding.in", reading("a", i, old + i), old + i);
      }
      // Every reading lies in two 2 s windows of the wall clock, one starting each second.
      await().atMost(WAIT).until(() -> driver.readAll("wall-sliding.batches", Summary.class).stream()
          .mapToInt(Summary::getCount).sum() == 8);
      List<Summary> out = driver.readAll("wall-sliding.batches", Summary.class);
      assertThat(out.stream().mapToDouble(Summary::getMeanCelsius).sum()).isEqualTo(2 * 10.0);
      assertThat(driver.readAllRaw("wall-sliding.batches")).allSatisfy(r -> {
        assertThat(r.timestamp()).isGreaterThan(started);
        assertThat((r.timestamp() + 1) % 1000).isZero();
      });
    }
  }

  @Test
  void sessionWindowsInProcessingTimeEndAfterAGapOfTheWallClock() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    long old = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
    try (RunningPipeline run = driver.start(batched("wall-session",
        Batch.session(Duration.ofSeconds(2)).inProcessingTime().keyedBy(Reading::getSensorId)))) {
      for (int i = 1; i <= 3; i++) {
        driver.pipe("wall-session.in", reading("a", i, old + i), old + i);
      }
      // A burst, then quiet: one session of the three, whatever their (hour-old) timestamps say.
      assertThat(Sensors.digest(driver.read("wall-session.batches", Summary.class, 1, WAIT)))
          .containsExactly("a:3:6@" + (old + 1));
      for (int i = 4; i <= 5; i++) {
        driver.pipe("wall-session.in", reading("a", i, old + i), old + i);
      }
      assertThat(Sensors.digest(driver.read("wall-session.batches", Summary.class, 2, WAIT)))
          .containsExactly("a:2:9@" + (old + 4), "a:3:6@" + (old + 1));
    }
  }

  // ---- a sliding window's partly late records ----

  static final class Sliding implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named("partly-late");
      Stage<Reading> readings = p.source("readings",
          Topic.of("partly-late.in", Reading.class).eventTime(Reading::getTimestamp, Duration.ZERO));
      p.stage("windows", readings, Batch.sliding(Duration.ofSeconds(10), Duration.ofSeconds(5))
          .keyedBy(Reading::getSensorId).withNoGrace(), Sensors::summarize);
      return p;
    }
  }

  @Test
  void aRecordLateForSomeOfItsSlidingWindowsIsCountedAndKeptInTheOthers() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    try (RunningPipeline run = driver.start(new Sliding())) {
      pipe(driver, "partly-late.in", 1, 1);
      pipe(driver, "partly-late.in", 2, 12);
      // 12 s moves the watermark to 11.999 s: [-5, 5) and [0, 10) close.
      driver.read("partly-late.windows", Summary.class, 2, WAIT);
      // 7 s belongs to [0, 10), closed, and [5, 15), open: partly late. 3 s belongs to [-5, 5) and [0, 10): late.
      pipe(driver, "partly-late.in", 4, 7);
      pipe(driver, "partly-late.in", 8, 3);
      driver.deadLetters("partly-late", "windows", 1, WAIT);
      pipe(driver, "partly-late.in", 16, 40);
      // Closed by 40 s: [5, 15) with 7 s and 12 s, [10, 20) with 12 s.
      List<Summary> out = driver.read("partly-late.windows", Summary.class, 4, WAIT);
      assertThat(out).extracting(s -> s.getCount() + ":" + (long) s.getMeanCelsius())
          .containsExactlyInAnyOrder("1:1", "1:1", "2:6", "1:2");

      String windows = driver.flinkWebUrl() + "/jobs/" + run.job("windows").getJobID().toHexString();
      await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
          assertThat(StageMetricsIT.jobMetrics(windows)).containsEntry("partlyLate", 1L)
              .containsEntry("partlyLateWindows", 1L).containsEntry("late", 1L));
      assertThat(driver.readAllRaw("partly-late.windows.dead-letter")).hasSize(1);
    }
  }

  // ---- windows of a source that has gone quiet ----

  static PipelineDefinition quiet(String name, boolean closeAfterIdle) {
    return () -> {
      Pipeline p = Pipeline.named(name);
      Topic<Reading> in = Topic.of(name + ".in", Reading.class).eventTime(Reading::getTimestamp, Duration.ZERO);
      Stage<Reading> readings = p.source("readings", closeAfterIdle ? in.closeWindowsAfterIdle(IDLE) : in);
      p.stage("windows", readings, Batch.every(Duration.ofSeconds(5)).keyedBy(Reading::getSensorId), Sensors::summarize);
      return p;
    };
  }

  private static final Duration IDLE = Duration.ofSeconds(2);

  @Test
  void theLastWindowOfAQuietSourceClosesAfterTheIdlePeriodWithoutFurtherData() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    try (RunningPipeline idle = driver.start(quiet("quiet-idle", true));
        RunningPipeline plain = driver.start(quiet("quiet-plain", false))) {
      long sent = System.currentTimeMillis();
      for (String name : List.of("quiet-idle", "quiet-plain")) {
        pipe(driver, name + ".in", 1, 1);
        pipe(driver, name + ".in", 2, 3);
      }
      // Quiet from here on. Event time stands at 2.999 s; 2 s of silence, then 2 s more of wall clock reach 4.999 s.
      List<Summary> out = driver.read("quiet-idle.windows", Summary.class, 1, IDLE.plusSeconds(2 + 30));
      assertThat(Sensors.digest(out)).containsExactly("a:2:3@" + (BASE + 1_000));
      assertThat(System.currentTimeMillis() - sent).isGreaterThanOrEqualTo(IDLE.toMillis());
      // The same records without the option: the window waits for later data.
      assertThat(driver.readAllRaw("quiet-plain.windows")).isEmpty();
    }
  }

  private static void pipe(PipelineTestDriver driver, String topic, double celsius, int second) {
    long t = BASE + second * 1000L;
    driver.pipe(topic, reading("a", celsius, t), t);
  }
}
