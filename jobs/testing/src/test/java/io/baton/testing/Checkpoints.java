package io.baton.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Checkpoints on demand through Flink's REST API ({@code POST /jobs/:id/checkpoints}), for tests that decide
 * exactly when a stage's output commits: its jobs run with a checkpoint interval longer than the test.
 *
 * <pre>{@code
 * int done = new Checkpoints(driver.flinkWebUrl()).round(List.of(jobId));   // triggered together, awaited
 * }</pre>
 */
final class Checkpoints {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String web;
  private final HttpClient http = HttpClient.newHttpClient();

  Checkpoints(String web) {
    this.web = web;
  }

  /** Triggers a checkpoint of each job at once and waits for them; returns how many completed (a restarting job's fail). */
  int round(Collection<String> jobIds) throws Exception {
    Map<String, String> triggers = new LinkedHashMap<>();
    for (String job : jobIds) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(web + "/jobs/" + job + "/checkpoints"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 202 || r.statusCode() == 200) {
        triggers.put(job, JSON.readTree(r.body()).path("request-id").asText());
      }
    }
    int completed = 0;
    for (Map.Entry<String, String> t : triggers.entrySet()) {
      if (await(t.getKey(), t.getValue())) {
        completed++;
      }
    }
    return completed;
  }

  private boolean await(String job, String trigger) {
    URI uri = URI.create(web + "/jobs/" + job + "/checkpoints/" + trigger);
    AtomicReference<JsonNode> done = new AtomicReference<>();
    try {
      Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
        JsonNode status = JSON.readTree(http.send(HttpRequest.newBuilder(uri).GET().build(),
            HttpResponse.BodyHandlers.ofString()).body());
        boolean completed = status.path("status").path("id").asText().equals("COMPLETED");
        if (completed) {
          done.set(status);
        }
        return completed;
      });
    } catch (ConditionTimeoutException e) {
      return false;
    }
    return done.get().path("operation").path("failure-cause").isMissingNode();
  }
}
