package io.baton.testing;

import static io.baton.testing.Sensors.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.api.fn.Fn;
import io.baton.flink.job.StageSettings;
import io.baton.schemas.BasicAuthProxy;
import io.baton.schemas.registry.RegistryAuthException;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.wire.WireEncoder;
import io.baton.schemas.sensor.Reading;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stage jobs against a registry that demands basic auth (Apicurio behind {@link BasicAuthProxy}): the
 * credentials reach every operator through the properties file the deploy step writes, never inside
 * the job, and a refusal fails the job with what to set instead of dead-lettering good records.
 */
class RegistryAuthIT {
  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final String USER = "baton";
  private static final String PASSWORD = "pw-" + UUID.randomUUID();
  private static final String REFUSED = "refused the credentials (401); set --registry-basic-auth or BATON_REGISTRY_BASIC_AUTH";

  /** {@code <name>.in} → readings → hot (a second stage decodes what the first encoded). */
  private static PipelineDefinition hot(String name) {
    return () -> {
      Pipeline p = Pipeline.named(name);
      Stage<Reading> readings = p.source("readings", Topic.of(name + ".in", Reading.class));
      p.stage("hot", readings, Batch.each(), Fn.filter((Reading r) -> r.getCelsius() > 20));
      return p;
    };
  }

  private PipelineTestDriver driver;
  private BasicAuthProxy proxy;

  @BeforeEach
  void startProxy() throws Exception {
    driver = PipelineTestDriver.shared();
    proxy = BasicAuthProxy.start(driver.registry().url(), USER, PASSWORD);
  }

  @AfterEach
  void stopProxy() {
    proxy.close();
  }

  /** The driver's settings with its registry reached through the proxy with {@code password}. */
  private StageSettings through(String password) {
    return driver.settings(false).registry(RegistryConfig.of(proxy.url()).withBasicAuth(USER, password));
  }

  @Test
  void stagesDecodeAndEncodeWithTheCredentialsAndTheirJobsDoNotHoldThePassword() throws Exception {
    try (RunningPipeline run = driver.start(hot("auth-ok"), through(PASSWORD))) {
      driver.pipe("auth-ok.in", reading("a", 25, 1_000), 1_000);
      driver.pipe("auth-ok.in", reading("a", 10, 2_000), 2_000);
      driver.pipe("auth-ok.in", reading("b", 30, 3_000), 3_000);

      assertThat(driver.read("auth-ok.hot", Reading.class, 2, WAIT)).extracting(Reading::getCelsius).containsExactly(25.0, 30.0);
      assertThat(driver.readAllRaw("auth-ok.readings.dead-letter")).isEmpty();
      assertThat(driver.readAllRaw("auth-ok.hot.dead-letter")).isEmpty();
      assertThat(proxy.admitted()).isPositive();
      assertThat(proxy.refused()).isZero();
      for (String stage : new String[] {"readings", "hot"}) {
        String id = run.job(stage).getJobID().toHexString();
        for (String path : new String[] {"", "/config", "/plan"}) {
          assertThat(rest("/jobs/" + id + path)).as("REST /jobs/<%s>%s", stage, path).contains(id).doesNotContain(PASSWORD);
        }
      }
    }
  }

  @Test
  void aRevokedPasswordFailsTheJobWithWhatToSetAndNoGoodRecordIsDeadLettered() throws Exception {
    try (RunningPipeline run = driver.start(hot("auth-revoked"), through(PASSWORD))) {
      driver.pipe("auth-revoked.in", reading("a", 25, 1_000), 1_000);
      assertThat(driver.read("auth-revoked.readings", Reading.class, 1, WAIT)).hasSize(1);

      proxy.accept(USER, "rotated-" + UUID.randomUUID());
      driver.pipeBytes("auth-revoked.in", null, unseenWriterSchemaRecord("auth-revoked.in"), 2_000);
      String jobId = run.job("readings").getJobID().toHexString();
      await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> rest("/jobs/" + jobId + "/exceptions").contains(REFUSED));
      assertThat(driver.readAllRaw("auth-revoked.readings.dead-letter")).isEmpty();

      proxy.accept(USER, PASSWORD);
      assertThat(driver.read("auth-revoked.readings", Reading.class, 2, WAIT)).extracting(Reading::getTimestamp)
          .containsExactly(1_000L, 2_000L);
      assertThat(driver.readAllRaw("auth-revoked.readings.dead-letter")).isEmpty();
    }
  }

  @Test
  void wrongCredentialsRefuseTheDeployBeforeAnyJobStarts() throws Exception {
    assertThatThrownBy(() -> driver.start(hot("auth-refused"), through("wrong")))
        .isInstanceOf(RegistryAuthException.class)
        .hasMessageStartingWith("registry at " + proxy.url() + " " + REFUSED + " (sent: user 'baton'; ");
    assertThat(rest("/jobs/overview")).doesNotContain("auth-refused/");
  }

  /** A reading under a newly registered writer schema, so a running stage must ask the registry for it. */
  private byte[] unseenWriterSchemaRecord(String topic) {
    Schema v2 = RegistryOutageIT.evolved();
    int id = driver.registryClient().register(topic + "-value", v2);
    GenericRecord r = new GenericData.Record(v2);
    r.put("sensorId", "a");
    r.put("celsius", 30.0);
    r.put("timestamp", 2_000L);
    return WireEncoder.forGeneric(v2, id).encode(r);
  }

  private String rest(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(driver.flinkWebUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
