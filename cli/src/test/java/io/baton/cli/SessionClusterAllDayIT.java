package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.flink.deploy.FlinkRest;
import io.baton.stack.Component;
import io.baton.stack.ComponentStatus;
import io.baton.stack.LocalStack;
import io.baton.stack.Ports;
import io.baton.stack.RepoRoot;
import io.baton.stack.StackConfig;
import io.baton.stack.StackEndpoints;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session cluster takes submissions all day: the sensor story's three stage jobs are started
 * ({@code baton run}) and cancelled ({@code baton stop}) fourteen times, 42 stage jobs, on a real
 * local stack. The JobManager's metaspace in use (its REST metrics, after a full GC) stays within
 * a small margin of what it was after the first runs, and the cluster holds one upload of the job jar.
 * Before stage jobs shipped their Avro classes by name, every job kept about 14 MB of metaspace
 * and the JobManager died of {@code OutOfMemoryError: Metaspace} at about the 16th job.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionClusterAllDayIT {
  private static final String PIPELINE = "sensor-story";
  private static final int WARM_UP_RUNS = 2;
  private static final int RUNS = 14;
  private static final long MARGIN_BYTES = 24L << 20;

  @TempDir
  static Path home;

  private final Ports ports = Ports.freeEphemeral();
  private final StackEndpoints endpoints = StackEndpoints.of(ports);
  private FlinkRest flink;

  @BeforeAll
  void up() {
    CliRun up = CliRun.up(home, ports);
    assertThat(up.exitCode()).as(up.err()).isZero();
    flink = new FlinkRest(endpoints.flinkWebUrl());
  }

  @AfterAll
  void down() {
    CliRun.at(home, "down");
  }

  @Test
  void fortyTwoStageJobsLeaveTheJobManagersMetaspaceBoundedAndOneUploadOfTheJar() throws Exception {
    for (int i = 0; i < WARM_UP_RUNS; i++) {
      runAndStop();
    }
    long baseline = await("the JobManager reports its metaspace").atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(2)).until(this::metaspaceAfterFullGc, used -> used > 0);
    for (int i = WARM_UP_RUNS; i < RUNS; i++) {
      runAndStop();
    }
    long allowed = baseline + MARGIN_BYTES;
    await("JobManager metaspace back within 24 MB of " + baseline / (1 << 20) + " MB after " + RUNS * 3 + " jobs")
        .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3))
        .until(() -> metaspaceAfterFullGc() <= allowed);
    assertThat(flink.jars()).extracting(FlinkRest.UploadedJar::name).singleElement()
        .satisfies(name -> assertThat(name).matches("baton-examples-[0-9a-f]{16}\\.jar"));
  }

  private void runAndStop() {
    CliRun run = CliRun.at(home, "run", PIPELINE);
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    // Cancelled, not savepointed: what accumulates is per submission; savepoint stops are DeployIT's.
    CliRun stop = CliRun.at(home, "stop", PIPELINE, "--cancel");
    assertThat(stop.exitCode()).as(stop.out() + stop.err()).isZero();
    await("every " + PIPELINE + " job ended").atMost(Duration.ofSeconds(60)).until(() -> flink.jobs().stream()
        .filter(j -> j.name().startsWith(PIPELINE + "/")).allMatch(j -> List.of("CANCELED", "FINISHED", "FAILED")
            .contains(j.state())));
  }

  /** Metaspace in use on the JobManager, from its REST metrics after a full GC there (0 until Flink reports it). */
  private long metaspaceAfterFullGc() throws Exception {
    Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        Long.toString(jobManagerPid()), "GC.run").redirectErrorStream(true).start();
    assertThat(gc.waitFor(60, TimeUnit.SECONDS)).isTrue();
    JsonNode metrics = flink.get("jobmanager/metrics?get=Status.JVM.Memory.Metaspace.Used");
    return metrics.path(0).path("value").asLong(0);
  }

  private long jobManagerPid() throws Exception {
    LocalStack stack = new LocalStack(StackConfig.builder().repo(RepoRoot.locate()).home(home).ports(ports).build());
    return stack.status().stream().filter(s -> s.component() == Component.JOBMANAGER)
        .map(ComponentStatus::pid).findFirst().orElseThrow().orElseThrow();
  }
}
