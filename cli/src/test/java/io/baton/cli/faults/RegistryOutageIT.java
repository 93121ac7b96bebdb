package io.baton.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.wire.WireEncoder;
import io.baton.stack.Component;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema registry is killed ({@code kill -9}) while readings stream through both stages, and stays down across
 * several of the accept stage's restarts (each after its retry budget, four tries over about 3.5 s); it is then
 * started again and nothing else is done. Readings fed during the outage are written with a second version of the
 * reading schema, registered before the outage but never seen by the stage, so the stage must ask the registry for it
 * while it is down (cached schemas would hide the outage). No good reading becomes a dead letter, none is lost or
 * written twice, and the same jobs resume by themselves.
 */
class RegistryOutageIT {
  /** How many times the accept stage must have failed on the missing registry before it comes back. */
  private static final int FAILURES_DURING_OUTAGE = 3;

  @TempDir
  Path home;

  /** The reading schema with one more optional field: a new writer version the stage has not fetched. */
  static Schema readingWithNote() {
    return new Schema.Parser().parse(Reading.getClassSchema().toString()
        .replace("]}", ",{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}"));
  }

  @Test
  void goodReadingsWaitOutALongRegistryOutageAndTheStagesResumeByThemselves() throws Exception {
    Feeder.Plan plan = Feeder.Plan.fromSystemProperties();
    try (FaultStack stack = FaultStack.up(home)) {
      stack.run();
      Map<String, String> jobs = stack.runningJobs();
      String accept = jobs.get(FaultPipeline.ACCEPT);
      Schema v2 = readingWithNote();
      int v2Id;
      try (SchemaRegistry registry = SchemaRegistry.connect(RegistryConfig.of(stack.endpoints().registryUrl()))) {
        v2Id = registry.register(FaultPipeline.INPUT + "-value", v2);
      }
      WireEncoder<GenericRecord> v2Encoder = WireEncoder.forGeneric(v2, v2Id);

      try (Feeder feeder = stack.feed(plan)) {
        feeder.awaitAcked(plan.records() / 5, FaultStack.WAIT);
        stack.checker().awaitOut(feeder, 1, FaultStack.WAIT);

        Instant down = stack.kill(Component.REGISTRY);
        feeder.writeWith(r -> v2Encoder.encode(withNote(v2, r)));
        Waits.until(FAILURES_DURING_OUTAGE + " failures of the accept stage on the missing registry", FaultStack.WAIT,
            () -> registryFailures(stack, accept) >= FAILURES_DURING_OUTAGE);
        long failuresDuringOutage = registryFailures(stack, accept);
        stack.start(Component.REGISTRY);
        Instant back = Instant.now();
        Duration recovery = stack.awaitRecovered(back, FaultStack.WAIT);

        assertThat(stack.runningJobs()).as("restarted by Flink, not resubmitted").isEqualTo(jobs);
        Counts counts = stack.checker().awaitComplete(feeder, Duration.ofMinutes(5));
        System.out.printf("registry down %.1f s (retry budget about 3.5 s), accept stage failed on it %d times meanwhile;"
            + " back to running with a checkpoint %.1f s after the registry answered again%n",
            Duration.between(down, back).toMillis() / 1000.0, failuresDuringOutage, recovery.toMillis() / 1000.0);
        FaultReport.of("registry kill -9, down " + Duration.between(down, back).toSeconds() + " s", counts, recovery,
            feeder.achievedRate()).print();
        assertThat(counts.in()).isEqualTo(plan.records());
        assertThat(counts.misplaced()).as("good readings dead-lettered: " + counts).isZero();
        assertThat(counts.missing()).as(counts.toString()).isZero();
        assertThat(counts.dup()).as(counts.toString()).isZero();
        assertThat(counts.dead()).as("only the out-of-range readings").isEqualTo(plan.records() / plan.badEvery());
      }
    }
  }

  private static GenericRecord withNote(Schema v2, Reading r) {
    GenericRecord g = new GenericData.Record(v2);
    g.put("sensorId", r.getSensorId());
    g.put("celsius", r.getCelsius());
    g.put("timestamp", r.getTimestamp());
    g.put("note", "fed while the registry was down");
    return g;
  }

  /** Entries of the job's exception history that name the unavailable registry. */
  private static long registryFailures(FaultStack stack, String jobId) throws Exception {
    long n = 0;
    for (JsonNode e : stack.flink().get("jobs/" + jobId + "/exceptions?maxExceptions=100").path("exceptionHistory")
        .path("entries")) {
      n += e.path("stacktrace").asText().contains("RegistryUnavailableException") ? 1 : 0;
    }
    return n;
  }
}
