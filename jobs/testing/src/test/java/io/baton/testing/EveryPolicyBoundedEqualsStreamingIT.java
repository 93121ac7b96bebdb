package io.baton.testing;

import static io.baton.testing.Sensors.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.api.fn.Fn;
import io.baton.connectors.KafkaRecord;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import io.baton.schemas.wire.WireEncoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every batch policy over one input whose timestamps do not increase, run bounded and streaming:
 * both write the same batches, and those are what plain Java computes over the input.
 * Count-like policies (count, countOrTime and bytes with waits no test lives to see) batch in the
 * order records arrived, not in timestamp order. A bounded run's input ends, so it releases each
 * key's remainder as a last, smaller batch; a streaming run holds the remainder until more arrive.
 * The source closes windows after it goes quiet, so streaming closes every window without drain
 * (Flink 2.2 drops the final watermark when an idle source is drained, FLINK-40499).
 */
class EveryPolicyBoundedEqualsStreamingIT {
  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final Duration NEVER = Duration.ofHours(1);
  /** Ten minutes ago, on a whole minute, so windows start at BASE. */
  private static final long BASE = (System.currentTimeMillis() / 60_000 - 10) * 60_000;
  private static final long OUT_OF_ORDERNESS = 3_000;
  /** Quiet this long, the streaming source lets event time run on with the wall clock. */
  private static final Duration IDLE = Duration.ofSeconds(5);
  private static final long SIZE = 10_000;
  private static final long SLIDE = 5_000;
  private static final long GAP = 3_000;
  private static final int N = 3;

  /** Sensor and second of each reading in the order written: up to 2 s out of order, never late. */
  private static final String[] SENSORS =
      {"a", "b", "a", "a", "b", "a", "a", "b", "a", "b", "a", "a", "b", "a", "b", "a", "b", "a", "b", "a", "a", "b"};
  private static final int[] SECONDS = {1, 2, 3, 2, 5, 6, 4, 4, 8, 9, 12, 11, 13, 14, 12, 20, 21, 19, 27, 30, 29, 31};

  private static final List<String> STAGES =
      List.of("each", "count", "every", "sliding", "session", "count-or-time", "bytes");

  static PipelineDefinition everyPolicy(String name, long boxBytes) {
    return () -> {
      Pipeline p = Pipeline.named(name);
      Stage<Reading> readings = p.source("readings", Topic.of(name + ".in", Reading.class)
          .eventTime(Reading::getTimestamp, Duration.ofMillis(OUT_OF_ORDERNESS)).closeWindowsAfterIdle(IDLE));
      p.stage("each", readings, Batch.each(), Fn.map((Reading r) -> r));
      p.stage("count", readings, Batch.count(N).keyedBy(Reading::getSensorId), Sensors::summarize);
      p.stage("every", readings, Batch.every(Duration.ofMillis(SIZE)).keyedBy(Reading::getSensorId),
          Sensors::summarize);
      p.stage("sliding", readings, Batch.sliding(Duration.ofMillis(SIZE), Duration.ofMillis(SLIDE))
          .keyedBy(Reading::getSensorId), Sensors::summarize);
      p.stage("session", readings, Batch.session(Duration.ofMillis(GAP)).keyedBy(Reading::getSensorId),
          Sensors::summarize);
      p.stage("count-or-time", readings, Batch.countOrTime(N, NEVER).keyedBy(Reading::getSensorId),
          Sensors::summarize);
      p.stage("bytes", readings, Batch.bytes(boxBytes, NEVER).keyedBy(Reading::getSensorId), Sensors::summarize);
      return p;
    };
  }

  @Test
  void boundedAndStreamingRunsWriteTheSameBatchesForEveryPolicyAndOnlyABoundedRunReleasesTheRemainder()
      throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    List<Reading> input = input();
    long box = N * (long) encodedSize(input);
    for (String name : List.of("agree-bounded", "agree-streaming")) {
      input.forEach(r -> driver.pipe(name + ".in", r, r.getTimestamp()));
    }
    Map<String, List<String>> bounded = expected(input, true);
    Map<String, List<String>> streaming = expected(input, false);

    driver.runBounded(everyPolicy("agree-bounded", box), WAIT);
    try (RunningPipeline run = driver.start(everyPolicy("agree-streaming", box))) {
      // Full batches come with the data, every window once the source has been quiet for IDLE.
      streaming.forEach((stage, out) -> driver.readRaw("agree-streaming." + stage, out.size(), WAIT));
    }

    SoftAssertions each = new SoftAssertions();
    for (String stage : STAGES) {
      each.assertThat(outputs(driver, "agree-bounded." + stage)).as("bounded " + stage)
          .containsExactlyInAnyOrderElementsOf(bounded.get(stage));
      each.assertThat(outputs(driver, "agree-streaming." + stage)).as("streaming " + stage)
          .containsExactlyInAnyOrderElementsOf(streaming.get(stage));
      for (String pipeline : List.of("agree-bounded", "agree-streaming")) {
        each.assertThat(driver.readAllRaw(pipeline + "." + stage + ".dead-letter")).as(pipeline + " " + stage).isEmpty();
      }
    }
    each.assertAll();
    // The input leaves a remainder, so the runs above really differ in it.
    assertThat(byKey(input).values()).anySatisfy(readings -> assertThat(readings.size() % N).isPositive());
  }

  /** Celsius is the reading's position in the input (1, 2, ..): a batch's sum says which readings it holds. */
  private static List<Reading> input() {
    List<Reading> input = new ArrayList<>();
    for (int i = 0; i < SENSORS.length; i++) {
      input.add(reading(SENSORS[i], i + 1, BASE + SECONDS[i] * 1000L));
    }
    return input;
  }

  // ---- the plain-Java oracle ----

  /** What a run writes per stage; count-like remainders only when the input ends ({@code bounded}). */
  private static Map<String, List<String>> expected(List<Reading> input, boolean bounded) {
    Map<String, List<Reading>> byKey = byKey(input);
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("each", input.stream().map(Reading::toString).toList());
    List<String> counted = new ArrayList<>();
    byKey.forEach((key, readings) -> {
      int end = bounded ? readings.size() : readings.size() / N * N;
      for (int from = 0; from < end; from += N) {
        List<Reading> batch = readings.subList(from, Math.min(from + N, readings.size()));
        counted.add(digest(key, batch, batch.stream().mapToLong(Reading::getTimestamp).max().orElseThrow()));
      }
    });
    expected.put("count", counted);
    expected.put("count-or-time", counted);
    expected.put("bytes", counted);
    expected.put("every", windows(byKey, SIZE, SIZE));
    expected.put("sliding", windows(byKey, SIZE, SLIDE));
    expected.put("session", sessions(byKey));
    return expected;
  }

  /** Readings per key in the order written. */
  private static Map<String, List<Reading>> byKey(List<Reading> input) {
    Map<String, List<Reading>> byKey = new TreeMap<>();
    input.forEach(r -> byKey.computeIfAbsent(r.getSensorId(), k -> new ArrayList<>()).add(r));
    return byKey;
  }

  /** Windows [start, start + size) for starts on multiples of slide; each output stamped start + size - 1. */
  private static List<String> windows(Map<String, List<Reading>> byKey, long size, long slide) {
    List<String> out = new ArrayList<>();
    byKey.forEach((key, readings) -> {
      Map<Long, List<Reading>> byStart = new TreeMap<>();
      for (Reading r : readings) {
        long last = r.getTimestamp() - Math.floorMod(r.getTimestamp(), slide);
        for (long start = last; start > r.getTimestamp() - size; start -= slide) {
          byStart.computeIfAbsent(start, s -> new ArrayList<>()).add(r);
        }
      }
      byStart.forEach((start, batch) -> out.add(digest(key, batch, start + size - 1)));
    });
    return out;
  }

  /** Readings of a key in time order, split where the next comes more than the gap after the previous. */
  private static List<String> sessions(Map<String, List<Reading>> byKey) {
    List<String> out = new ArrayList<>();
    byKey.forEach((key, readings) -> {
      List<Reading> sorted = readings.stream().sorted((x, y) -> Long.compare(x.getTimestamp(), y.getTimestamp())).toList();
      List<Reading> session = new ArrayList<>();
      for (Reading r : sorted) {
        if (!session.isEmpty() && r.getTimestamp() > session.get(session.size() - 1).getTimestamp() + GAP) {
          out.add(digest(key, session, session.get(session.size() - 1).getTimestamp() + GAP - 1));
          session = new ArrayList<>();
        }
        session.add(r);
      }
      out.add(digest(key, session, session.get(session.size() - 1).getTimestamp() + GAP - 1));
    });
    return out;
  }

  private static String digest(String key, List<Reading> batch, long outputTime) {
    return Sensors.summarize(key, batch) + "@" + outputTime;
  }

  // ---- what the runs wrote ----

  private static List<String> outputs(PipelineTestDriver driver, String topic) {
    List<String> out = new ArrayList<>();
    for (KafkaRecord r : driver.readAllRaw(topic)) {
      out.add(topic.endsWith(".each") ? Decoding.one(driver, r, Reading.class).toString()
          : Decoding.one(driver, r, Summary.class) + "@" + r.timestamp());
    }
    return out;
  }

  /** Every reading encodes to the same size (as bytes() weighs it), so a box of N sizes holds N readings. */
  private static int encodedSize(List<Reading> readings) {
    WireEncoder<Reading> measure = WireEncoder.forSpecific(Reading.class, 1);
    List<Integer> sizes = readings.stream().map(r -> measure.encode(r).length).distinct().toList();
    assertThat(sizes).as("every reading encodes to the same size").hasSize(1);
    return sizes.get(0);
  }
}
