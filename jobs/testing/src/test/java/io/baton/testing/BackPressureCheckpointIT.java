package io.baton.testing;

import static io.baton.testing.Sensors.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Topic;
import io.baton.api.accept.Accept;
import io.baton.api.accept.Excess;
import io.baton.schemas.sensor.Reading;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A back-pressure rate limit holds a hot key's excess in state, not the task thread: checkpoints keep completing
 * within their interval while the key is throttled, and every record comes out once, in its key's order.
 */
class BackPressureCheckpointIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final int PERMITS = 20;
  private static final int HOT = 400;
  private static final int COLD_KEYS = 10;
  private static final int PER_COLD_KEY = 20;
  private static final Duration INTERVAL = Duration.ofSeconds(1);

  static final class HotKey implements PipelineDefinition {
    private final String name;

    HotKey(String name) {
      this.name = name;
    }

    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named(name);
      p.source("readings", Topic.of(name + ".in", Reading.class)
          .accept(Accept.<Reading>schema().rateLimitPerKey(Reading::getSensorId, PERMITS, Duration.ofSeconds(1))
              .onExcess(Excess.BACK_PRESSURE)));
      return p;
    }
  }

  /** The hot key's records with the cold keys' in between: two hot, then one cold, in turn. */
  private static List<Reading> input() {
    List<Reading> in = new ArrayList<>();
    int cold = 0;
    for (int hot = 0; hot < HOT; hot++) {
      in.add(reading("hot", hot, in.size()));
      if (hot % 2 == 1 && cold < COLD_KEYS * PER_COLD_KEY) {
        in.add(reading("cold-" + cold % COLD_KEYS, cold / COLD_KEYS, in.size()));
        cold++;
      }
    }
    return in;
  }

  /** Each key's readings (by their celsius, a per-key sequence number) in the order given. */
  private static Map<String, List<Double>> byKey(List<Reading> readings) {
    Map<String, List<Double>> out = new TreeMap<>();
    readings.forEach(r -> out.computeIfAbsent(r.getSensorId(), k -> new ArrayList<>()).add(r.getCelsius()));
    return out;
  }

  @Test
  void checkpointsCompleteWithinTheirIntervalWhileAHotKeyIsThrottled() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    List<Reading> in = input();
    // Written before the job starts, so it reads them at once however slowly a busy machine writes them.
    for (Reading r : in) {
      driver.pipe("bp-checkpoints.in", r, r.getTimestamp());
    }
    try (RunningPipeline run = driver.start(new HotKey("bp-checkpoints"),
        driver.settings(false).checkpointInterval(INTERVAL))) {
      String job = driver.flinkWebUrl() + "/jobs/" + run.job("readings").getJobID().toHexString();
      // Samples the checkpoint history (the REST API keeps only the last few) and the records held back, until the
      // hot key's backlog was there and is gone again, and the checkpoints begun meanwhile had time to end.
      Map<Long, JsonNode> checkpoints = new TreeMap<>();
      long[] held = {Long.MAX_VALUE, 0, 0}; // first and last sample with records held back, the most held at once
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> {
        long now = System.currentTimeMillis();
        for (JsonNode c : get(job + "/checkpoints").path("history")) {
          checkpoints.put(c.path("id").asLong(), c);
        }
        long buffered = StageMetricsIT.jobMetrics(job).getOrDefault("buffered", 0L);
        if (buffered > 0) {
          held[0] = Math.min(held[0], now);
          held[1] = now;
          held[2] = Math.max(held[2], buffered);
        }
        return buffered == 0 && held[1] > 0 && now > held[1] + 3 * INTERVAL.toMillis();
      });

      List<JsonNode> whileThrottled = checkpoints.values().stream()
          .filter(c -> c.path("trigger_timestamp").asLong() >= held[0])
          .filter(c -> c.path("trigger_timestamp").asLong() <= held[1]).toList();
      System.out.printf("checkpoints triggered while records were held (%d ms, at most %d records): %s%n",
          held[1] - held[0], held[2], whileThrottled.stream().map(c -> c.path("id").asLong() + ":"
              + c.path("status").asText() + ":" + c.path("end_to_end_duration").asLong() + "ms").toList());
      assertThat(held[2]).as("the hot key's backlog, held in state").isGreaterThan(5 * PERMITS);
      assertThat(whileThrottled).as("checkpoints triggered while the hot key was throttled")
          .hasSizeGreaterThanOrEqualTo(8)
          .allSatisfy(c -> {
            assertThat(c.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(c.path("end_to_end_duration").asLong()).isLessThanOrEqualTo(INTERVAL.toMillis());
          });

      List<Reading> out = driver.read("bp-checkpoints.readings", Reading.class, in.size(), Duration.ofMinutes(1));
      assertThat(out).hasSize(in.size());
      assertThat(byKey(out)).isEqualTo(byKey(in));
      assertThat(driver.readAllRaw("bp-checkpoints.readings.dead-letter")).isEmpty();
    }
  }

  @Test
  void aBoundedRunReleasesEveryHeldRecordWhenItsInputEnds() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    List<Reading> in = input();
    for (Reading r : in) {
      driver.pipe("bp-bounded.in", r, r.getTimestamp());
    }
    long started = System.currentTimeMillis();
    driver.runBounded(new HotKey("bp-bounded"), Duration.ofMinutes(2));
    System.out.println("bounded run with " + (HOT - PERMITS) + " held records took "
        + (System.currentTimeMillis() - started) + " ms");

    List<Reading> out = driver.readAll("bp-bounded.readings", Reading.class);
    // BATCH mode sorts a keyed input by key, so only the multiset of each key's records is the run's to keep.
    Map<String, List<Double>> expected = new LinkedHashMap<>();
    byKey(in).forEach((k, v) -> expected.put(k, v.stream().sorted().toList()));
    Map<String, List<Double>> actual = new LinkedHashMap<>();
    byKey(out).forEach((k, v) -> actual.put(k, v.stream().sorted().toList()));
    assertThat(out).hasSize(in.size());
    assertThat(actual).isEqualTo(expected);
    assertThat(driver.readAllRaw("bp-bounded.readings.dead-letter")).isEmpty();
  }

  private static JsonNode get(String url) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }
}
