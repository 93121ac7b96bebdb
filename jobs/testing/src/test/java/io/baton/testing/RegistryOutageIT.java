package io.baton.testing;

import static io.baton.testing.Sensors.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Topic;
import io.baton.schemas.wire.WireEncoder;
import io.baton.schemas.sensor.Reading;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** A registry outage while a stage runs: the job fails and restarts, and no good record is dead-lettered or lost. */
class RegistryOutageIT {
  private static final Duration WAIT = Duration.ofMinutes(2);

  static final class Readings implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named("outage");
      p.source("readings", Topic.of("outage.in", Reading.class));
      return p;
    }
  }

  /** Reading with one more optional field: a new writer schema the stage has not fetched yet. */
  static Schema evolved() {
    String json = Reading.getClassSchema().toString()
        .replace("]}", ",{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}");
    return new Schema.Parser().parse(json);
  }

  @Test
  void goodRecordsWaitForTheRegistryInsteadOfBecomingDeadLetters() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    try (RunningPipeline run = driver.start(new Readings())) {
      driver.pipe("outage.in", reading("a", 1, 1_000), 1_000);
      assertThat(driver.read("outage.readings", Reading.class, 1, WAIT)).hasSize(1);

      Schema v2 = evolved();
      int id = driver.registryClient().register("outage.in-value", v2);
      WireEncoder<GenericRecord> encoder = WireEncoder.forGeneric(v2, id);
      driver.stopRegistry();
      try {
        for (int i = 2; i <= 4; i++) {
          GenericRecord r = new GenericData.Record(v2);
          r.put("sensorId", "a");
          r.put("celsius", (double) i);
          r.put("timestamp", i * 1000L);
          r.put("note", "written during the outage");
          driver.pipeBytes("outage.in", null, encoder.encode(r), i * 1000L);
        }
        String jobId = run.job("readings").getJobID().toHexString();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
            .until(() -> exceptions(driver, jobId).contains("RegistryUnavailableException"));
        assertThat(driver.readAllRaw("outage.readings.dead-letter")).isEmpty();
      } finally {
        driver.startRegistry();
      }
      assertThat(driver.read("outage.readings", Reading.class, 4, WAIT))
          .extracting(Reading::getTimestamp).containsExactly(1_000L, 2_000L, 3_000L, 4_000L);
      assertThat(driver.readAllRaw("outage.readings.dead-letter")).isEmpty();
    }
  }

  /** The job's exception history from the MiniCluster's REST API. */
  private static String exceptions(PipelineTestDriver driver, String jobId) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(driver.flinkWebUrl() + "/jobs/" + jobId + "/exceptions")).build(),
        HttpResponse.BodyHandlers.ofString());
    return response.body();
  }
}
