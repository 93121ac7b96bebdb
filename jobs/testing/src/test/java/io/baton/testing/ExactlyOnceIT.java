package io.baton.testing;

import static io.baton.testing.Sensors.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.schemas.sensor.Reading;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once across a handoff: a stage whose function fails once restarts from its last checkpoint,
 * and the committed output still holds every input exactly once.
 */
class ExactlyOnceIT {
  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final String P = "exactly-once";
  private static final int RECORDS = 2_000;
  private static final int BEFORE_FAILURE = 1_000;
  private static final int FAIL_AT = 1_200;

  /** The MiniCluster runs in this JVM, so the stage's function sees these. */
  private static final AtomicInteger CALLS = new AtomicInteger();
  private static final AtomicBoolean FAILED = new AtomicBoolean();

  static final class Copy implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named(P);
      Stage<Reading> numbers = p.source("numbers", Topic.of(P + ".in", Reading.class));
      p.stage("copy", numbers, Batch.each(), ExactlyOnceIT::failOnce);
      return p;
    }
  }

  /** Copies a reading; the {@value #FAIL_AT}th call ever throws, once. */
  static Reading failOnce(Reading r) {
    if (CALLS.incrementAndGet() == FAIL_AT && FAILED.compareAndSet(false, true)) {
      throw new IllegalStateException("injected failure at call " + FAIL_AT);
    }
    return r;
  }

  @Test
  void aFailedStageRestartsFromItsCheckpointAndWritesEveryInputExactlyOnce() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    long t0 = System.currentTimeMillis();
    try (RunningPipeline run = driver.start(new Copy())) {
      await().atMost(WAIT).until(() -> run.status("copy") == JobStatus.RUNNING);
      for (int i = 0; i < BEFORE_FAILURE; i++) {
        driver.pipe(P + ".in", reading("n", i, t0 + i), t0 + i);
      }
      // Copies commit with the stage's checkpoints: once these are visible, a checkpoint holds their offsets.
      driver.read(P + ".copy", Reading.class, BEFORE_FAILURE, WAIT);
      for (int i = BEFORE_FAILURE; i < RECORDS; i++) {
        driver.pipe(P + ".in", reading("n", i, t0 + i), t0 + i);
      }
      // Committed output is in input order: once the last input's copy is visible, everything before is too.
      await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
          .until(() -> distinctCelsius(driver.readAll(P + ".copy", Reading.class)) == RECORDS);

      assertThat(FAILED).as("the injected failure happened").isTrue();
      // The restart went back to the last checkpoint, not to the start: only records after it went through twice.
      assertThat(CALLS.get() - RECORDS).as("records the function saw twice").isBetween(1, FAIL_AT - BEFORE_FAILURE);
      assertExactlyOnce(driver.readAll(P + ".numbers", Reading.class), t0);
      assertExactlyOnce(driver.readAll(P + ".copy", Reading.class), t0);
      assertThat(run.status("copy")).isEqualTo(JobStatus.RUNNING);

      // Flink itself records the restart and why.
      String jobId = run.job("copy").getJobID().toString();
      String exceptions = get(driver.flinkWebUrl() + "/jobs/" + jobId + "/exceptions");
      assertThat(exceptions).contains("injected failure at call " + FAIL_AT);
      await().atMost(WAIT).untilAsserted(() -> assertThat(get(driver.flinkWebUrl() + "/jobs/" + jobId
          + "/metrics?get=numRestarts")).contains("\"value\":\"1\""));
    }
  }

  /** Every input 0..RECORDS-1 once, none twice, none missing, in order. */
  private static void assertExactlyOnce(List<Reading> out, long t0) {
    Map<Double, Long> copies = out.stream().collect(Collectors.groupingBy(Reading::getCelsius, Collectors.counting()));
    assertThat(copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
        .as("duplicates").isEmpty();
    assertThat(out).hasSize(RECORDS);
    for (int i = 0; i < RECORDS; i++) {
      assertThat(out.get(i)).isEqualTo(reading("n", i, t0 + i));
    }
  }

  private static long distinctCelsius(List<Reading> out) {
    return out.stream().map(Reading::getCelsius).distinct().count();
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET " + url).isEqualTo(200);
    return response.body();
  }
}
