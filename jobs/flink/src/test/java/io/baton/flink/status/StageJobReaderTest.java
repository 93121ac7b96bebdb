package io.baton.flink.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.baton.flink.deploy.FlinkRest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A stage job as Flink's REST API describes it (answers shaped like Flink 2.2's), read into a {@link StageStatus}. */
class StageJobReaderTest {
  private final Map<String, String> answers = new HashMap<>();
  private HttpServer server;
  private FlinkRest flink;

  @BeforeEach
  void serveAnswers() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String body = answers.get(exchange.getRequestURI().toString());
      byte[] bytes = (body == null ? "{\"errors\":[\"Not found\"]}" : body).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    flink = new FlinkRest("http://127.0.0.1:" + server.getAddress().getPort());
    answers.put("/jobs/j1", """
        {"jid":"j1","name":"p/readings","state":"RUNNING","start-time":1000,"end-time":-1,"now":253000,
         "vertices":[{"id":"v1","name":"accept","status":"RUNNING"},{"id":"v2","name":"handoff","status":"RUNNING"}]}""");
    answers.put("/jobs/j1/vertices/v1/metrics", """
        [{"id":"0.accept_readings.baton.accepted"},{"id":"0.accept_readings.baton.rejected"},
         {"id":"0.accept_readings.baton.reason.schema.deadLettered"},{"id":"0.numRecordsIn"}]""");
    answers.put("/jobs/j1/vertices/v1/metrics?get=0.accept_readings.baton.accepted%2C0.accept_readings.baton.rejected"
        + "%2C0.accept_readings.baton.reason.schema.deadLettered", """
        [{"id":"0.accept_readings.baton.accepted","value":"9"},{"id":"0.accept_readings.baton.rejected","value":"2"},
         {"id":"0.accept_readings.baton.reason.schema.deadLettered","value":"2"}]""");
    answers.put("/jobs/j1/vertices/v2/metrics", "[{\"id\":\"0.baton.emitted\"}]");
    answers.put("/jobs/j1/vertices/v2/metrics?get=0.baton.emitted", "[{\"id\":\"0.baton.emitted\",\"value\":\"9\"}]");
    answers.put("/jobs/j1/checkpoints", """
        {"counts":{"completed":4},"latest":{"completed":{"id":4,"latest_ack_timestamp":250000,"trigger_timestamp":249900}}}""");
    answers.put("/jobs/j1/vertices/v1/backpressure", "{\"status\":\"ok\",\"backpressure-level\":\"ok\"}");
    answers.put("/jobs/j1/vertices/v2/backpressure", "{\"status\":\"ok\",\"backpressure-level\":\"low\"}");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void readsStateUptimeCountsCheckpointAndWorstBackPressure() throws Exception {
    answers.put("/jobs/j1/config", "{\"jid\":\"j1\",\"execution-config\":{\"user-config\":{}}}");

    StageStatus s = new StageJobReader(flink).read("readings", "j1", Map.of("in", 0L));

    assertThat(s.state()).isEqualTo("RUNNING");
    assertThat(s.runningAsDeployed()).isTrue();
    assertThat(s.uptime()).contains(Duration.ofSeconds(252));
    assertThat(s.version()).isEmpty();
    assertThat(s.counts()).isEqualTo(StageCounts.of(11, 9, Map.of("schema", 2L), 0));
    assertThat(s.lastCheckpoint()).contains(LastCheckpoint.of(4, Instant.ofEpochMilli(250_000), Duration.ofSeconds(3)));
    assertThat(s.backPressure()).isEqualTo("low");
  }

  @Test
  void theStageVersionIsTheJobsGlobalParameter() throws Exception {
    answers.put("/jobs/j1/config", "{\"jid\":\"j1\",\"execution-config\":{\"user-config\":{\"baton.stage.version\":\"3f9a01c2\"}}}");

    assertThat(new StageJobReader(flink).read("readings", "j1", Map.of()).version()).isEqualTo(Optional.of("3f9a01c2"));
  }

  @Test
  void aJobWithoutCheckpointStatisticsHasNoCheckpoint() throws Exception {
    answers.put("/jobs/j1/config", "{\"execution-config\":{}}");
    answers.remove("/jobs/j1/checkpoints");

    assertThat(new StageJobReader(flink).read("readings", "j1", Map.of()).lastCheckpoint()).isEmpty();
  }
}
