package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.connectors.BatonHeaders;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.TopicReader;
import io.baton.flink.deploy.FlinkRest;
import io.baton.stack.Ports;
import io.baton.stack.StackEndpoints;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real local stack ({@code baton up} on free ports, Prometheus reporter included), the demo runs the sensor story
 * streaming over readings with bad ones among them; once it has settled, {@code status sensor-story --json} shows per
 * stage what the test counts in the topics itself (records in, out, dead letters per reason, late), no lag and a
 * checkpoint; Prometheus shows the dead letters with their reason as a label; a cancelled stage makes the exit code 3.
 */
class PipelineStatusIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofMinutes(3);
  private static final Pattern LABELLED = Pattern.compile(
      "^flink_taskmanager_job_task_operator_baton_reason_deadLettered\\{(.*)} ([0-9.E]+)$", Pattern.MULTILINE);

  @TempDir
  Path home;

  private final Ports ports = Ports.freeEphemeral();
  private final StackEndpoints endpoints = StackEndpoints.of(ports);

  @AfterEach
  void neverLeaveServersBehind() {
    CliRun.at(home, "down");
  }

  private CliRun baton(String... args) {
    return CliRun.at(home, args);
  }

  @Test
  void statusFiguresMatchWhatTheTopicsHoldAndACancelledStageFailsTheExitCode() throws Exception {
    CliRun up = baton("up", "--kafka-port", "" + ports.kafka(), "--kafka-controller-port", "" + ports.kafkaController(),
        "--registry-port", "" + ports.registry(), "--flink-port", "" + ports.flinkRest(), "--flink-rpc-port",
        "" + ports.flinkRpc(), "--prometheus-port", "" + freePort());
    assertThat(up.exitCode()).as(up.err()).isZero();
    assertThat(up.out()).contains("Flink Prometheus metrics http://127.0.0.1:");
    CliRun demo = baton("demo");
    assertThat(demo.exitCode()).as(demo.err()).isZero();

    await().atMost(WAIT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
      CliRun status = baton("status", "sensor-story", "--json");
      assertThat(status.exitCode()).as(status.err()).isEqualTo(ExitCodes.OK);
      JsonNode json = JSON.readTree(status.out());
      assertThat(json.path("runningAsDeployed").asBoolean()).isTrue();
      Map<String, Map<String, Object>> expected = fromTopics();
      for (JsonNode stage : json.path("stages")) {
        String name = stage.path("stage").asText();
        assertThat(figures(stage)).as(name).isEqualTo(expected.get(name));
        assertThat(stage.path("lastCheckpoint").path("ageMs").isNumber()).as(name + " checkpoint age").isTrue();
        assertThat(stage.path("state").asText()).isEqualTo("RUNNING");
        assertThat(stage.path("uptimeMs").asLong()).isPositive();
        assertThat(stage.path("backPressure").asText()).isIn("ok", "low", "high", "-");
      }
      assertThat(json.path("stages")).hasSize(3);
    });
    CliRun text = baton("status", "sensor-story");
    assertThat(text.out()).as(text.err()).contains("readings").contains("All 3 stages run.");

    Map<String, Long> schema = prometheusDeadLetters();
    assertThat(schema).as("dead letters by reason label, summed over the task manager's operators")
        .containsEntry("schema", count("sensor-story.readings.dead-letter", "schema"))
        .containsEntry("late", count("sensor-story.per-minute.dead-letter", "late"));

    assertThat(baton("list").out()).containsPattern("sensor-story +3/3 +RUNNING");

    FlinkRest flink = new FlinkRest(endpoints.flinkWebUrl());
    String alerts = flink.jobs().stream().filter(j -> j.name().equals("sensor-story/alerts")
        && j.state().equals("RUNNING")).findFirst().orElseThrow().id();
    flink.cancel(alerts);
    await().atMost(WAIT).untilAsserted(() -> {
      CliRun status = baton("status", "sensor-story");
      assertThat(status.exitCode()).isEqualTo(ExitCodes.NOT_RUNNING);
      assertThat(status.out()).contains("Not running as deployed: alerts (CANCELED)");
    });
    assertThat(baton("list").out()).containsPattern("sensor-story +2/3 +CANCELED");
  }

  /** What each stage's figures must be, counted in the topics (read_committed). */
  private Map<String, Map<String, Object>> fromTopics() {
    Map<String, Map<String, Object>> all = new TreeMap<>();
    List<String[]> stages = List.of(new String[] {"readings", "sensors.readings"},
        new String[] {"per-minute", "sensor-story.readings"}, new String[] {"alerts", "sensor-story.per-minute"});
    try (TopicReader reader = new TopicReader(endpoints.kafkaBootstrapServers())) {
      for (String[] stage : stages) {
        String out = "alerts".equals(stage[0]) ? "sensors.alerts" : "sensor-story." + stage[0];
        Map<String, Long> reasons = new TreeMap<>();
        for (KafkaRecord dead : reader.readCommitted("sensor-story." + stage[0] + ".dead-letter")) {
          reasons.merge(dead.lastHeader(BatonHeaders.REASON).orElseThrow(), 1L, Long::sum);
        }
        all.put(stage[0], Map.of("in", (long) reader.readCommitted(stage[1]).size(),
            "out", (long) reader.readCommitted(out).size(), "dead", reasons,
            "late", reasons.getOrDefault("late", 0L), "lag", Map.of(stage[1], 0L)));
      }
    }
    return all;
  }

  private long count(String deadLetterTopic, String reason) {
    try (TopicReader reader = new TopicReader(endpoints.kafkaBootstrapServers())) {
      return reader.readCommitted(deadLetterTopic).stream()
          .filter(r -> r.lastHeader(BatonHeaders.REASON).orElseThrow().equals(reason)).count();
    }
  }

  private static Map<String, Object> figures(JsonNode stage) {
    Map<String, Long> reasons = new TreeMap<>();
    stage.path("records").path("deadLetteredByReason").fields().forEachRemaining(e -> reasons.put(e.getKey(), e.getValue().asLong()));
    Map<String, Long> lag = new TreeMap<>();
    stage.path("lag").fields().forEachRemaining(e -> lag.put(e.getKey(), e.getValue().asLong()));
    return Map.of("in", stage.path("records").path("in").asLong(), "out", stage.path("records").path("out").asLong(),
        "dead", reasons, "late", stage.path("records").path("late").asLong(), "lag", lag);
  }

  /** The task manager's {@code deadLettered} samples summed by their {@code reason} label. */
  private Map<String, Long> prometheusDeadLetters() throws Exception {
    CliRun status = baton("status");
    Matcher urls = Pattern.compile("Flink Prometheus metrics (\\S+) (\\S+)").matcher(status.out());
    assertThat(urls.find()).as(status.out()).isTrue();
    String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(urls.group(2))).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Map<String, Long> byReason = new TreeMap<>();
    Matcher m = LABELLED.matcher(body);
    while (m.find()) {
      Matcher reason = Pattern.compile("reason=\"([^\"]*)\"").matcher(m.group(1));
      assertThat(reason.find()).as(m.group()).isTrue();
      byReason.merge(reason.group(1), (long) Double.parseDouble(m.group(2)), Long::sum);
    }
    return byReason;
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
