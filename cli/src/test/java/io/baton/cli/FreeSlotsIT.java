package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.baton.flink.deploy.Deployer;
import io.baton.flink.deploy.FlinkRest;
import io.baton.flink.deploy.NotEnoughSlotsException;
import io.baton.flink.deploy.Target;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.Planner;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.stack.FlinkSessionCluster;
import io.baton.stack.LocalServer;
import io.baton.stack.ManagedProcess;
import io.baton.stack.Ports;
import io.baton.stack.RepoRoot;
import io.baton.stack.StackConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real Flink session cluster with two task slots (no Kafka or registry: nothing here may get that far): a run
 * that needs more slots than are free is refused before anything is created, and a run that fails while starting
 * cancels the jobs it had started.
 */
class FreeSlotsIT {
  private static final int SLOTS = 2;
  private static final Duration WAIT = Duration.ofMinutes(2);

  @TempDir
  static Path home;

  private static final List<ManagedProcess> servers = new ArrayList<>();
  private static FlinkRest flink;
  private static Target target;

  private final List<String> progress = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startTwoSlotSessionCluster() throws Exception {
    StackConfig config = StackConfig.builder().repo(RepoRoot.locate()).home(home).ports(Ports.freeEphemeral())
        .taskSlots(SLOTS).build();
    FlinkSessionCluster cluster = new FlinkSessionCluster(config);
    cluster.writeConfig();
    Instant deadline = Instant.now().plus(WAIT);
    for (LocalServer server : List.of(cluster.jobManager(), cluster.taskManager())) {
      ManagedProcess p = server.start();
      servers.add(p);
      server.awaitReady(p, deadline);
    }
    flink = new FlinkRest(FlinkSessionCluster.webUrl(config.ports()));
    // Kafka and the registry are never reached: the jobs may start, but fail to read and restart.
    target = new Target("127.0.0.1:1", RegistryConfig.of("http://127.0.0.1:1"), flink.url(), "2s",
        home.resolve("jobs"));
  }

  @AfterAll
  static void stopCluster() throws InterruptedException {
    for (ManagedProcess p : servers) {
      p.stop(Duration.ofSeconds(30));
    }
  }

  @AfterEach
  void cancelEveryJobAndAwaitFreeSlots() throws IOException {
    for (FlinkRest.Job job : flink.jobs()) {
      if (!List.of("FINISHED", "FAILED", "CANCELED").contains(job.state())) {
        flink.cancel(job.id());
      }
    }
    await().atMost(WAIT).until(() -> flink.get("overview").path("slots-available").asInt() == SLOTS);
  }

  private static Plan plan(String pipeline) throws Exception {
    try (JobJar jar = JobJar.open(null)) {
      return Planner.plan(jar.definition(pipeline));
    }
  }

  @Test
  void aRunNeedingMoreSlotsThanTheClusterHasIsRefusedBeforeAnythingIsCreated() throws Exception {
    Deployer deployer = new Deployer(target, progress::add);
    int jarsBefore = flink.get("jars").path("files").size();

    assertThatThrownBy(() -> deployer.deploy(plan("sensor-story"), JobJar.defaultJar(), false))
        .isInstanceOf(NotEnoughSlotsException.class)
        .hasMessage("pipeline sensor-story needs 3 free task slots to run streaming (one per stage and parallel "
            + "instance) but the cluster has 2 in all; lower the stages' parallelism or run it --bounded, or give the "
            + "task manager more slots (taskmanager.numberOfTaskSlots) (Flink at " + flink.url() + ")");
    assertThat(progress).isEmpty();
    assertThat(flink.jobs()).extracting(FlinkRest.Job::name).noneMatch(n -> n.startsWith("sensor-story/"));
    assertThat(flink.get("jars").path("files").size()).isEqualTo(jarsBefore);
  }

  @Test
  void aBoundedRunWhileEverySlotIsBusyIsRefusedNamingTheJobsThatHoldThem() throws Exception {
    new Deployer(target, progress::add).start(plan("nexmark-highest-bid"), JobJar.defaultJar(), false);
    await().atMost(WAIT).until(() -> flink.get("overview").path("slots-available").asInt() == 0);
    int jarsBefore = flink.get("jars").path("files").size();
    List<FlinkRest.Job> jobsBefore = flink.jobs();

    assertThatThrownBy(() -> new Deployer(target, progress::add).deploy(plan("nexmark-hot-items"),
        JobJar.defaultJar(), true))
        .isInstanceOf(NotEnoughSlotsException.class)
        .hasMessageStartingWith("pipeline nexmark-hot-items needs 1 free task slots to run bounded (its largest "
            + "group of stages at once) but only 0 of 2 are free; running: ")
        .hasMessageContaining("nexmark-highest-bid/bids").hasMessageContaining("nexmark-highest-bid/highest-bid");
    assertThat(flink.jobs()).extracting(FlinkRest.Job::id)
        .containsExactlyInAnyOrderElementsOf(jobsBefore.stream().map(FlinkRest.Job::id).toList());
    assertThat(flink.get("jars").path("files").size()).isEqualTo(jarsBefore);
  }

  @Test
  void aRunThatFailsWhileStartingCancelsTheJobsItStarted() throws Exception {
    // The jar disappears from the cluster after the first stage started, so starting the second one fails.
    Deployer deployer = new Deployer(target, line -> {
      progress.add(line);
      if (line.startsWith("started ")) {
        deleteUploadedJars();
      }
    });

    assertThatThrownBy(() -> deployer.start(plan("nexmark-highest-bid"), JobJar.defaultJar(), false))
        .isInstanceOf(IOException.class).hasMessageContaining("refused to run io.baton.flink.job.StageJob");

    String first = progress.stream().filter(l -> l.startsWith("started nexmark-highest-bid/bids (")).findFirst()
        .orElseThrow();
    String id = first.substring(first.indexOf('(') + 1, first.indexOf(')'));
    assertThat(progress).contains("cancelled stage bids (" + id + ") because the run failed");
    await().atMost(WAIT).until(() -> flink.jobs().stream()
        .anyMatch(j -> j.id().equals(id) && j.state().equals("CANCELED")));
    assertThat(flink.jobs()).filteredOn(j -> j.name().startsWith("nexmark-highest-bid/"))
        .extracting(FlinkRest.Job::id).containsExactly(id);
  }

  private void deleteUploadedJars() {
    try {
      for (var file : flink.get("jars").path("files")) {
        HttpRequest delete = HttpRequest.newBuilder(URI.create(flink.url() + "jars/" + file.path("id").asText()))
            .DELETE().build();
        assertThat(http.send(delete, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
