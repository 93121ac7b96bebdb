package io.baton.testing;

import static io.baton.testing.Sensors.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.accept.Accept;
import io.baton.api.accept.Excess;
import io.baton.api.batch.Batch;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stage's counters (accepted, rejected, dead letters by reason, late, delayed) as the web UI and the REST metrics API show them. */
class StageMetricsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static final class Checked implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named("metrics");
      p.source("readings", Topic.of("metrics.in", Reading.class)
          .accept(Accept.<Reading>schema().rule("not frozen", r -> r.getCelsius() > 0)));
      return p;
    }
  }

  @Test
  void acceptedAndRejectedByReasonAreCountedInTheRestApi() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    try (RunningPipeline run = driver.start(new Checked())) {
      for (int i = 1; i <= 3; i++) {
        driver.pipe("metrics.in", reading("a", i, i * 1000L), i * 1000L);
      }
      driver.pipe("metrics.in", reading("a", -5, 4_000), 4_000);
      driver.pipeBytes("metrics.in", null, "not avro".getBytes(StandardCharsets.UTF_8), 5_000);
      driver.deadLetters("metrics", "readings", 2, Duration.ofMinutes(1));

      String base = driver.flinkWebUrl() + "/jobs/" + run.job("readings").getJobID().toHexString();
      String accept = vertexNamed(base, "accept");
      await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
        Map<String, Long> m = batonMetrics(base + "/vertices/" + accept);
        assertThat(m).containsEntry("accepted", 3L).containsEntry("rejected", 2L)
            .containsEntry("reason.rule_not_frozen.deadLettered", 1L).containsEntry("reason.malformed.deadLettered", 1L);
      });
    }
  }

  static final class ThrottledThenLate implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named("metrics-late");
      Stage<Reading> readings = p.source("readings", Topic.of("metrics-late.in", Reading.class)
          .accept(Accept.<Reading>schema().rateLimitPerKey(Reading::getSensorId, 2, Duration.ofSeconds(10)))
          .eventTime(Reading::getTimestamp, Duration.ZERO));
      p.stage("windows", readings, Batch.every(Duration.ofSeconds(10)).keyedBy(Reading::getSensorId).withNoGrace(),
          Sensors::summarize);
      return p;
    }
  }

  @Test
  void throttledAndLateAreCountedAndTheCountsBalance() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    try (RunningPipeline run = driver.start(new ThrottledThenLate())) {
      for (long t : new long[] {1_000, 2_000, 3_000, 60_000}) {
        driver.pipe("metrics-late.in", reading("a", 1, t), t);
      }
      // The source's rate limit throttles a@3000; the window [0,10 s) closes once 60 s is read.
      driver.deadLetters("metrics-late", "readings", 1, Duration.ofMinutes(1));
      driver.read("metrics-late.windows", Summary.class, 1, Duration.ofMinutes(1));
      // Within b's rate limit, but behind the windows stage's watermark: late there.
      driver.pipe("metrics-late.in", reading("b", 1, 5_000), 5_000);
      driver.deadLetters("metrics-late", "windows", 1, Duration.ofMinutes(1));

      String source = driver.flinkWebUrl() + "/jobs/" + run.job("readings").getJobID().toHexString();
      String windows = driver.flinkWebUrl() + "/jobs/" + run.job("windows").getJobID().toHexString();
      await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
        // in 5 = accepted 4 + rejected 1
        assertThat(jobMetrics(source)).containsEntry("accepted", 4L).containsEntry("rejected", 1L)
            .containsEntry("reason.throttled.deadLettered", 1L);
        // in 4 = accepted 4; of those, 1 late (a dead letter), 2 in the one closed window
        assertThat(jobMetrics(windows)).containsEntry("accepted", 4L).containsEntry("late", 1L)
            .containsEntry("reason.late.deadLettered", 1L).containsEntry("batches", 1L).containsEntry("emitted", 1L);
      });
    }
  }

  static final class BackPressured implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named("metrics-slow");
      p.source("readings", Topic.of("metrics-slow.in", Reading.class)
          .accept(Accept.<Reading>schema().rateLimitPerKey(Reading::getSensorId, 2, Duration.ofSeconds(1))
              .onExcess(Excess.BACK_PRESSURE)));
      return p;
    }
  }

  @Test
  void backPressureHoldsExcessBackInsteadOfRejectingIt() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    try (RunningPipeline run = driver.start(new BackPressured())) {
      for (int i = 1; i <= 6; i++) {
        driver.pipe("metrics-slow.in", reading("a", i, i), i);
      }
      assertThat(driver.read("metrics-slow.readings", Reading.class, 6, Duration.ofMinutes(1)))
          .extracting(Reading::getCelsius).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
      assertThat(driver.readAllRaw("metrics-slow.readings.dead-letter")).isEmpty();

      String job = driver.flinkWebUrl() + "/jobs/" + run.job("readings").getJobID().toHexString();
      await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
          assertThat(jobMetrics(job)).containsEntry("accepted", 6L).doesNotContainKey("rejected")
              .hasEntrySatisfying("delayed", delayed -> assertThat(delayed).isPositive()));
    }
  }

  /** The {@code baton.*} counters of every vertex of a job, summed by name. */
  static Map<String, Long> jobMetrics(String job) throws Exception {
    Map<String, Long> all = new HashMap<>();
    for (JsonNode v : get(job).path("vertices")) {
      batonMetrics(job + "/vertices/" + v.path("id").asText()).forEach((k, n) -> all.merge(k, n, Long::sum));
    }
    return all;
  }

  private static JsonNode get(String url) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }

  private static String vertexNamed(String job, String part) throws Exception {
    for (JsonNode v : get(job).path("vertices")) {
      if (v.path("name").asText().contains(part)) {
        return v.path("id").asText();
      }
    }
    throw new AssertionError("no vertex named *" + part + "* in " + get(job));
  }

  /**
   * The vertex's {@code baton.*} counters ({@code <subtask>.<operator>.baton.<name>}), summed over subtasks, by what
   * follows {@code baton.}: {@code accepted}, or {@code reason.<reason>.deadLettered} for the labelled counter (the REST
   * API writes a reason's spaces and colons as {@code _}).
   */
  private static Map<String, Long> batonMetrics(String vertex) throws Exception {
    Map<String, Long> values = new HashMap<>();
    StringBuilder ids = new StringBuilder();
    for (JsonNode m : get(vertex + "/metrics")) {
      String id = m.path("id").asText();
      if (id.contains(".baton.")) {
        ids.append(ids.length() == 0 ? "" : ",").append(id);
      }
    }
    if (ids.length() == 0) {
      return values;
    }
    for (JsonNode m : get(vertex + "/metrics?get=" + URLEncoder.encode(ids.toString(), StandardCharsets.UTF_8))) {
      String id = m.path("id").asText();
      values.merge(id.substring(id.indexOf(".baton.") + ".baton.".length()), m.path("value").asLong(), Long::sum);
    }
    return values;
  }
}
