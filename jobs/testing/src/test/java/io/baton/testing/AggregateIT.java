package io.baton.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.api.fn.BatchWindow;
import io.baton.api.fn.Fn;
import io.baton.api.fn.StageFunction;
import io.baton.connectors.KafkaRecord;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * {@code Fn.aggregate} against a per-batch function computing the same (the sensor helper's summary): the
 * same outputs, Kafka keys, timestamps and provenance under every batch policy, bounded and streaming;
 * accumulators restored from a checkpoint after a failure; and a bounded run releasing each event-time window
 * before it reads the next one's records.
 */
class AggregateIT {
  private static final Duration WAIT = Duration.ofMinutes(2);

  /** {@link Sensors#summarize} incrementally: first and last time, count, min, max and sum. */
  static final StageFunction<Reading, Summary> SUMMARIZE = Fn.aggregate(
      () -> new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, 0, Double.MAX_VALUE, -Double.MAX_VALUE, 0},
      AggregateIT::add, AggregateIT::merge, AggregateIT::result);

  static double[] add(double[] a, Reading r) {
    a[0] = Math.min(a[0], r.getTimestamp());
    a[1] = Math.max(a[1], r.getTimestamp());
    a[2]++;
    a[3] = Math.min(a[3], r.getCelsius());
    a[4] = Math.max(a[4], r.getCelsius());
    a[5] += r.getCelsius();
    return a;
  }

  static double[] merge(double[] a, double[] b) {
    return new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1]), a[2] + b[2], Math.min(a[3], b[3]),
        Math.max(a[4], b[4]), a[5] + b[5]};
  }

  static Summary result(String sensor, BatchWindow window, double[] a) {
    return new Summary(sensor == null ? "*" : sensor, (long) a[0], (long) a[1], (int) a[2], a[3], a[4], a[5]);
  }

  static PipelineDefinition pipeline(String name, String input, Batch batch, StageFunction<Reading, Summary> fn) {
    return () -> {
      Pipeline p = Pipeline.named(name);
      Stage<Reading> readings = p.source("readings",
          Topic.of(input, Reading.class).eventTime(Reading::getTimestamp, Duration.ZERO));
      p.stage("windows", readings, batch, fn);
      return p;
    };
  }

  /** Readings of three sensors over about 95 s, whole degrees (sums exact in any order), some out of order. */
  private static void pipeReadings(PipelineTestDriver driver, String topic, int count, long seed) {
    Random random = new Random(seed);
    long t = 1_000;
    for (int i = 0; i < count; i++) {
      t += random.nextInt(2_000);
      long time = i % 9 == 4 ? t - random.nextInt(3_000) : t;
      String sensor = "s" + random.nextInt(3);
      driver.pipe(topic, sensor, Sensors.reading(sensor, random.nextInt(50), time), time);
    }
  }

  /** Each output as "key | timestamp | inputs | summary", the inputs' topic named by stage, sorted. */
  private static List<String> outputs(PipelineTestDriver driver, String pipeline) {
    return outputs(driver, pipeline, true);
  }

  /** Without exact offsets, only their number: transaction markers place a streaming run's offsets elsewhere. */
  private static List<String> outputs(PipelineTestDriver driver, String pipeline, boolean offsets) {
    String topic = pipeline + ".windows";
    List<KafkaRecord> raw = driver.readAllRaw(topic);
    List<Summary> values = driver.readAll(topic, Summary.class);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      KafkaRecord r = raw.get(i);
      String key = r.key() == null ? "-" : new String(r.key(), StandardCharsets.UTF_8);
      io.baton.connectors.InputOffsets read = io.baton.connectors.Provenance
          .fromHeaders(r.headers(), List.of(pipeline + ".readings")).orElseThrow().inputs();
      String inputs = offsets ? read.encode().replace(pipeline + ".readings", "readings") : read.count() + " inputs";
      lines.add(key + " | " + r.timestamp() + " | " + inputs + " | " + values.get(i));
    }
    lines.sort(null);
    return lines;
  }

  @Test
  void aggregateGivesWhatPerBatchGivesUnderEveryPolicyBounded() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    pipeReadings(driver, "agg-policies.in", 150, 11);
    Map<String, Batch> policies = Map.of(
        "every", Batch.every(Duration.ofSeconds(10)).keyedBy(Reading::getSensorId),
        "every-unkeyed", Batch.every(Duration.ofSeconds(10)),
        "sliding", Batch.sliding(Duration.ofSeconds(10), Duration.ofSeconds(4)).keyedBy(Reading::getSensorId),
        "session", Batch.session(Duration.ofMillis(1_500)).keyedBy(Reading::getSensorId),
        "count", Batch.count(7).keyedBy(Reading::getSensorId),
        "count-or-time", Batch.countOrTime(5, Duration.ofMinutes(5)),
        "bytes", Batch.bytes(300, Duration.ofMinutes(5)).keyedBy(Reading::getSensorId));
    for (Map.Entry<String, Batch> policy : policies.entrySet()) {
      String perBatch = "agg-pb-" + policy.getKey();
      String aggregate = "agg-ag-" + policy.getKey();
      driver.runBounded(pipeline(perBatch, "agg-policies.in", policy.getValue(), Fn.perBatch(Sensors::summarize)), WAIT);
      driver.runBounded(pipeline(aggregate, "agg-policies.in", policy.getValue(), SUMMARIZE), WAIT);
      List<String> expected = outputs(driver, perBatch);
      assertThat(expected).as(policy.getKey()).hasSizeGreaterThan(3);
      assertThat(outputs(driver, aggregate)).as(policy.getKey()).isEqualTo(expected);
    }
  }

  @Test
  void aggregateGivesWhatPerBatchGivesStreamingAcrossCheckpoints() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    pipeReadings(driver, "agg-streaming.in", 120, 5);
    // A reading far ahead closes every earlier window; its own stays open.
    driver.pipe("agg-streaming.in", "s0", Sensors.reading("s0", 1, 10_000_000), 10_000_000);
    Batch sessions = Batch.session(Duration.ofMillis(1_500)).keyedBy(Reading::getSensorId);
    driver.runBounded(pipeline("agg-st-pb", "agg-streaming.in", sessions, Fn.perBatch(Sensors::summarize)), WAIT);
    List<String> expected = outputs(driver, "agg-st-pb").stream().filter(l -> !l.contains("10000000")).toList();
    try (RunningPipeline run = driver.start(pipeline("agg-st-ag", "agg-streaming.in", sessions, SUMMARIZE))) {
      driver.read("agg-st-ag.windows", Summary.class, expected.size(), WAIT);
    }
    assertThat(outputs(driver, "agg-st-ag")).isEqualTo(expected);
  }

  static final java.util.concurrent.atomic.AtomicBoolean FAILED_ONCE = new java.util.concurrent.atomic.AtomicBoolean();

  /** {@link #SUMMARIZE} that fails once, on the first reading of 999 °C it sees. */
  static final StageFunction<Reading, Summary> SUMMARIZE_FAILING_ONCE = Fn.aggregate(
      () -> new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, 0, Double.MAX_VALUE, -Double.MAX_VALUE, 0},
      (double[] a, Reading r) -> {
        if (r.getCelsius() == 999 && FAILED_ONCE.compareAndSet(false, true)) {
          throw new IllegalStateException("failing once, to restart from the checkpoint");
        }
        return add(a, r);
      }, AggregateIT::merge, AggregateIT::result);

  @Test
  void accumulatorsComeBackFromACheckpointAfterAFailure() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    String input = "agg-restore.in";
    Batch sessions = Batch.session(Duration.ofMillis(1_500)).keyedBy(Reading::getSensorId);
    try (RunningPipeline run = driver.start(pipeline("agg-rs-ag", input, sessions, SUMMARIZE_FAILING_ONCE))) {
      pipeReadings(driver, input, 80, 9);
      // The windows stage has checkpointed its state after adding all of the first half: a checkpoint
      // triggered after its source task had sent all 80 records on.
      driver.readRaw("agg-rs-ag.readings", 80, WAIT);
      String job = driver.flinkWebUrl() + "/jobs/" + run.job("windows").getJobID();
      org.awaitility.Awaitility.await().atMost(WAIT).until(() -> rest(job).path("vertices").get(0)
          .path("metrics").path("write-records").asLong() >= 80);
      long sent = System.currentTimeMillis();
      org.awaitility.Awaitility.await().atMost(WAIT).until(() -> rest(job + "/checkpoints").path("latest")
          .path("completed").path("trigger_timestamp").asLong() > sent);
      // The second half: its first record fails the job once; it restarts from that checkpoint.
      driver.pipe(input, "s1", Sensors.reading("s1", 999, 200_000), 200_000);
      driver.pipe(input, "s2", Sensors.reading("s2", 3, 200_500), 200_500);
      driver.pipe(input, "s0", Sensors.reading("s0", 1, 10_000_000), 10_000_000);
      driver.runBounded(pipeline("agg-rs-pb", input, sessions, Fn.perBatch(Sensors::summarize)), WAIT);
      List<String> expected = outputs(driver, "agg-rs-pb", false).stream().filter(l -> !l.contains("10000000")).toList();
      driver.read("agg-rs-ag.windows", Summary.class, expected.size(), WAIT);
      assertThat(FAILED_ONCE).isTrue();
      assertThat(outputs(driver, "agg-rs-ag", false)).isEqualTo(expected);
    }
  }

  private static org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode rest(String url)
      throws Exception {
    try (java.io.InputStream in = java.net.URI.create(url).toURL().openStream()) {
      return new org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
    }
  }

  /** Per run: adds so far at each release, and each release's record count. */
  static final Map<String, AtomicLong> ADDS = new ConcurrentHashMap<>();
  static final Map<String, List<long[]>> RELEASES = new ConcurrentHashMap<>();

  static StageFunction<Reading, Summary> counting(String run) {
    return Fn.aggregate(() -> 0L, (Long n, Reading r) -> {
      ADDS.computeIfAbsent(run, k -> new AtomicLong()).incrementAndGet();
      return n + 1;
    }, Long::sum, (String sensor, BatchWindow w, Long n) -> {
      RELEASES.computeIfAbsent(run, k -> new CopyOnWriteArrayList<>()).add(new long[] {ADDS.get(run).get(), n});
      return new Summary("*", w.start(), w.end(), n.intValue(), 0.0, 0.0, 0.0);
    });
  }

  @Test
  void boundedUnkeyedWindowIsReleasedBeforeTheNextWindowsRecordsAreRead() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    pipeReadings(driver, "agg-bounded.in", 200, 3);
    for (Batch batch : List.of(Batch.every(Duration.ofSeconds(10)),
        Batch.sliding(Duration.ofSeconds(10), Duration.ofSeconds(5)).keyedBy(Reading::getSensorId))) {
      String run = batch instanceof io.baton.api.batch.Every ? "agg-bd-every" : "agg-bd-sliding";
      driver.runBounded(pipeline(run, "agg-bounded.in", batch, counting(run)), WAIT);
      List<long[]> releases = RELEASES.get(run);
      assertThat(releases).hasSizeGreaterThan(9);
      // Each window's state is released when its own records are added, before any later window's are read.
      long released = 0;
      for (long[] r : releases) {
        released += r[1];
        assertThat(r[0]).as("adds seen at a release").isEqualTo(released);
      }
      assertThat(released).isEqualTo(ADDS.get(run).get());
    }
  }
}
