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
import io.baton.schemas.sensor.Reading;
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

/** A stage's counters (accepted, rejected by reason) as the web UI and the REST metrics API show them. */
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
            .containsEntry("rejected_rule", 1L).containsEntry("rejected_malformed", 1L);
      });
    }
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

  /** The vertex's {@code baton.*} counters ({@code <subtask>.<operator>.baton.<name>}), summed over subtasks, by name. */
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
      values.merge(id.substring(id.lastIndexOf('.') + 1), m.path("value").asLong(), Long::sum);
    }
    return values;
  }
}
