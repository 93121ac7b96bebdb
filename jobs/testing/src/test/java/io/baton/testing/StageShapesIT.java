package io.baton.testing;

import static io.baton.testing.Sensors.reading;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.api.fn.Fn;
import io.baton.connectors.KafkaRecord;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/** Function shapes and per-stage options on real Kafka + Flink: union, flatMap, perBatchFlat, parallelism, partitions, at-least-once. */
class StageShapesIT {
  private static final Duration WAIT = Duration.ofMinutes(2);

  static final class Shapes implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named("shapes");
      Stage<Reading> north = p.source("north", Topic.of("shapes.in-north", Reading.class));
      Stage<Reading> south = p.source("south", Topic.of("shapes.in-south", Reading.class));
      Stage<Reading> both = p.stage("both", List.of(north, south), Batch.each(), Fn.map((Reading r) -> r));
      p.stage("twice", both, Batch.each(), Fn.flatMap((Reading r) -> List.of(r, r))).produces(Reading.class)
          .atLeastOnce();
      p.stage("per-sensor", both, Batch.count(2).keyedBy(Reading::getSensorId), Sensors::summarize)
          .parallelism(2).outputPartitions(2);
      p.stage("split", both, Batch.count(10), Fn.perBatchFlat((String k, List<Reading> rs) ->
          rs.stream().filter(r -> r.getCelsius() > 2).toList())).produces(Reading.class);
      return p;
    }
  }

  @Test
  void everyShapeAndOptionRunsOnFlink() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    driver.pipe("shapes.in-north", reading("a", 1, 1_000), 1_000);
    driver.pipe("shapes.in-north", reading("b", 2, 2_000), 2_000);
    driver.pipe("shapes.in-south", reading("a", 3, 3_000), 3_000);
    driver.pipe("shapes.in-south", reading("b", 4, 4_000), 4_000);
    driver.runBounded(new Shapes(), WAIT);

    // Union: both sources' records, in no particular order across them.
    assertThat(driver.readAll("shapes.both", Reading.class)).extracting(Reading::getCelsius)
        .containsExactlyInAnyOrder(1.0, 2.0, 3.0, 4.0);
    // flatMap, at-least-once: each record twice.
    assertThat(driver.readAll("shapes.twice", Reading.class)).extracting(Reading::getCelsius)
        .containsExactlyInAnyOrder(1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 4.0, 4.0);
    // Keyed count with parallelism 2 into a topic of 2 partitions: one pair per sensor, by key.
    assertThat(Sensors.digest(driver.readAll("shapes.per-sensor", Summary.class)))
        .containsExactly("a:2:4@1000", "b:2:6@2000");
    assertThat(partitions(driver, "shapes.per-sensor")).isEqualTo(2);
    assertThat(maxParallelismOfJob(driver, "shapes/per-sensor")).isEqualTo(2);
    List<KafkaRecord> perSensor = driver.readAllRaw("shapes.per-sensor");
    assertThat(perSensor).allSatisfy(r -> assertThat(r.key()).isNotNull());
    // perBatchFlat: one unkeyed batch of all four, filtered.
    assertThat(driver.readAll("shapes.split", Reading.class)).extracting(Reading::getCelsius)
        .containsExactlyInAnyOrder(3.0, 4.0);
  }

  /** The largest vertex parallelism of the (finished) job of that name, from the MiniCluster's REST API. */
  private static int maxParallelismOfJob(PipelineTestDriver driver, String name) throws Exception {
    JsonNode overview = get(driver.flinkWebUrl() + "/jobs/overview");
    for (JsonNode job : overview.path("jobs")) {
      if (job.path("name").asText().equals(name)) {
        int max = 0;
        for (JsonNode v : get(driver.flinkWebUrl() + "/jobs/" + job.path("jid").asText()).path("vertices")) {
          max = Math.max(max, v.path("parallelism").asInt());
        }
        return max;
      }
    }
    throw new AssertionError("no job named " + name + " in " + overview);
  }

  private static JsonNode get(String url) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(r.body());
  }

  private static int partitions(PipelineTestDriver driver, String topic) throws Exception {
    Properties props = new Properties();
    props.put("bootstrap.servers", driver.bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    }
  }
}
