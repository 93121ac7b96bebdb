package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.connectors.KafkaClientConfig;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.TopicReader;
import io.baton.flink.deploy.FlinkRest;
import io.baton.flink.plan.StageVersion;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import io.baton.schemas.wire.WireDecoder;
import io.baton.schemas.wire.WireEncoder;
import io.baton.stack.Ports;
import io.baton.stack.StackEndpoints;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baton deploy}, {@code stop} and {@code run} on the real local stack ({@code baton up} on free ports in a
 * temporary folder), with one two-stage pipeline (readings → per-sensor totals in one-minute event-time windows)
 * compiled at test time in several versions. The ordered tests share one stack and one pipeline: each leaves a window
 * open across an upgrade, a refused upgrade, a rollback or a stop, then closes it and checks its total.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployIT {
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final long MINUTE = 60_000L;
  private static final long BASE = (System.currentTimeMillis() - 24 * 60 * MINUTE) / MINUTE * MINUTE;   // a day ago

  private static final String DEFINITION = """
      package upg;
      import io.baton.api.*;
      import io.baton.api.batch.Batch;
      import io.baton.api.fn.Fn;
      import io.baton.schemas.sensor.*;
      import java.time.Duration;
      public final class Twice implements PipelineDefinition {
        public Pipeline define() {
          Pipeline p = Pipeline.named("twice");
          Stage<Reading> readings = p.source("readings",
              Topic.of("twice.in", Reading.class).eventTime(Reading::getTimestamp, Duration.ZERO));
          p.stage("totals", readings, Batch.every(Duration.ofMinutes(%d)).keyedBy(Reading::getSensorId),
              Fn.aggregate(Tally::empty, Tally::add, Tally::merge, Totals::result));
          return p;
        }
      }
      """;
  private static final String READINGS_ONLY = """
      package upg;
      import io.baton.api.*;
      import io.baton.schemas.sensor.*;
      import java.time.Duration;
      public final class Twice implements PipelineDefinition {
        public Pipeline define() {
          Pipeline p = Pipeline.named("twice");
          p.source("readings", Topic.of("twice.in", Reading.class).eventTime(Reading::getTimestamp, Duration.ZERO));
          return p;
        }
      }
      """;
  private static final String TALLY = """
      package upg;
      import io.baton.schemas.sensor.Reading;
      public final class Tally implements java.io.Serializable {
        private static final long serialVersionUID = %dL;
        final int count; final double sum;
        Tally(int count, double sum) { this.count = count; this.sum = sum; }
        static Tally empty() { return new Tally(0, 0); }
        Tally add(Reading r) { return new Tally(count + 1, sum + r.getCelsius()); }
        Tally merge(Tally o) { return new Tally(count + o.count, sum + o.sum); }
      }
      """;
  // minCelsius carries the version that wrote the summary.
  private static final String TOTALS = """
      package upg;
      import io.baton.api.fn.BatchWindow;
      import io.baton.schemas.sensor.Summary;
      public final class Totals {
        static Summary result(String sensor, BatchWindow w, Tally t) {
          return new Summary(sensor, w.start(), w.end(), t.count, %s, 0.0, t.sum / t.count);
        }
      }
      """;

  @TempDir
  static Path home;

  private final Ports ports = Ports.freeEphemeral();
  private final StackEndpoints endpoints = StackEndpoints.of(ports);
  private final List<Reading> produced = new ArrayList<>();
  private Path v1;
  private Path v2;
  private Path wider;
  private Path unrestorable;
  private Path readingsOnly;
  private FlinkRest flink;

  @BeforeAll
  void upAndBuildFourVersions() throws Exception {
    v1 = variant("v1", 1, 1, "1.0");
    v2 = variant("v2", 1, 1, "2.0");           // another function body
    wider = variant("wider", 2, 1, "2.0");     // two-minute windows
    unrestorable = variant("unrestorable", 1, 2, "4.0");   // the accumulator's serialVersionUID changed
    readingsOnly = PipelineVariants.jar(home.resolve("readings-only"), Map.of("upg.Twice", READINGS_ONLY), "upg.Twice");
    CliRun up = CliRun.up(home, ports);
    assertThat(up.exitCode()).as(up.err()).isZero();
    flink = new FlinkRest(endpoints.flinkWebUrl());
    try (SchemaRegistry registry = SchemaRegistry.connect(RegistryConfig.of(endpoints.registryUrl()))) {
      registry.register("twice.in-value", Reading.getClassSchema());
    }
  }

  @AfterAll
  void down() {
    CliRun.at(home, "down");
  }

  private static Path variant(String name, int windowMinutes, long serialVersionUid, String marker) throws Exception {
    return PipelineVariants.jar(home.resolve(name), Map.of("upg.Twice", DEFINITION.formatted(windowMinutes),
        "upg.Tally", TALLY.formatted(serialVersionUid), "upg.Totals", TOTALS.formatted(marker)), "upg.Twice");
  }

  private CliRun baton(String... args) {
    return CliRun.at(home, args);
  }

  private Map<String, String> jobIds() throws Exception {
    return flink.jobs().stream().filter(j -> j.name().startsWith("twice/") && j.state().equals("RUNNING"))
        .collect(Collectors.toMap(j -> j.name().substring("twice/".length()), FlinkRest.Job::id));
  }

  private void produce(String sensor, long timestamp, double celsius) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers());
    int id;
    try (SchemaRegistry registry = SchemaRegistry.connect(RegistryConfig.of(endpoints.registryUrl()))) {
      id = registry.register("twice.in-value", Reading.getClassSchema());
    }
    Reading reading = new Reading(sensor, celsius, timestamp);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>("twice.in", null, timestamp, sensor.getBytes(StandardCharsets.UTF_8),
          WireEncoder.forSpecific(Reading.class, id).encode(reading))).get();
    }
    produced.add(reading);
  }

  /** Readings of sensor s1 in the minute starting at {@code window}, one a second from {@code from}. */
  private void produceWindow(long window, int from, int count) throws Exception {
    for (int i = from; i < from + count; i++) {
      produce("s1", window + i * 1000L, 10 + i);
    }
  }

  /** A reading of another sensor three minutes on: moves event time past the window so it fires. */
  private void closeWindow(long window) throws Exception {
    produce("closer", window + 3 * MINUTE, 0);
  }

  /** Until the totals stage has checkpointed (and committed the offsets of) everything produced so far. */
  private void awaitTotalsConsumedAll() {
    await("the totals stage consumed every reading").atMost(WAIT).until(() -> {
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers()))) {
        Map<?, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("baton.twice.totals")
            .partitionsToOffsetAndMetadata().get();
        return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum() >= produced.size();
      }
    });
  }

  private List<Summary> summaries() throws Exception {
    try (TopicReader reader = new TopicReader(KafkaClientConfig.of(endpoints.kafkaBootstrapServers()));
        WireDecoder<Summary> decoder = WireDecoder.forSpecific(Summary.class, RegistryConfig.of(endpoints.registryUrl()))) {
      decoder.open();
      List<Summary> all = new ArrayList<>();
      for (KafkaRecord r : reader.readCommitted("twice.totals")) {
        all.add(decoder.decode(r.value()));
      }
      return all;
    }
  }

  private Summary awaitSummary(long window) {
    return await("the summary of s1's window at " + window).atMost(WAIT).until(() -> summaries().stream()
        .filter(s -> s.getSensorId().toString().equals("s1") && s.getWindowStart() == window).toList(), l -> !l.isEmpty())
        .get(0);
  }

  private long expectedCount(long window) {
    return produced.stream().filter(r -> r.getSensorId().toString().equals("s1"))
        .filter(r -> r.getTimestamp() >= window && r.getTimestamp() < window + MINUTE).count();
  }

  private String runningVersion(String jobId) throws Exception {
    return flink.userConfig(jobId).path(StageVersion.JOB_PARAMETER).asText();
  }

  @Test
  @Order(1)
  void aFirstDeployStartsEveryStageWhichPublishesItsVersionAndASecondOneKeepsThem() throws Exception {
    CliRun plan = CliRun.of("plan", "twice", "--jar", v1.toString(), "--json");
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    CliRun deploy = baton("deploy", "twice", "--jar", v1.toString());
    assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isZero();
    assertThat(deploy.out()).containsPattern("readings +start +new, version [0-9a-f]{12}")
        .containsPattern("totals +start +new, version [0-9a-f]{12}");
    Map<String, String> jobs = jobIds();
    assertThat(jobs).containsOnlyKeys("readings", "totals");
    var planned = io.baton.flink.plan.PlanJson.parse(plan.out());
    assertThat(runningVersion(jobs.get("totals"))).isEqualTo(planned.stage("totals").stageVersion());
    assertThat(runningVersion(jobs.get("readings"))).isEqualTo(planned.stage("readings").stageVersion());

    CliRun again = baton("deploy", "twice", "--jar", v1.toString());
    assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
    assertThat(again.out()).containsPattern("readings +keep +unchanged").containsPattern("totals +keep +unchanged");
    assertThat(jobIds()).isEqualTo(jobs);
  }

  @Test
  @Order(2)
  void aChangedFunctionRestartsOnlyItsStageFromItsSavepointAndTheOpenWindowKeepsItsRecords() throws Exception {
    produceWindow(BASE, 0, 6);
    awaitTotalsConsumedAll();
    Map<String, String> before = jobIds();

    CliRun deploy = baton("deploy", "twice", "--jar", v2.toString());

    assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isZero();
    assertThat(deploy.out()).containsPattern("readings +keep +unchanged")
        .containsPattern("totals +restore +version [0-9a-f]{12} → [0-9a-f]{12}; state restores")
        .contains("stopped twice/totals (" + before.get("totals") + ") with a savepoint: file:" + home);
    Map<String, String> after = jobIds();
    assertThat(after.get("readings")).isEqualTo(before.get("readings"));
    assertThat(after.get("totals")).isNotEqualTo(before.get("totals"));
    assertThat(flink.get("jobs/" + after.get("totals") + "/checkpoints").path("latest").path("restored")
        .path("is_savepoint").asBoolean()).isTrue();

    produceWindow(BASE, 6, 4);
    closeWindow(BASE);
    Summary total = awaitSummary(BASE);
    assertThat((long) total.getCount()).isEqualTo(expectedCount(BASE)).isEqualTo(10);
    assertThat(total.getMinCelsius()).as("written by the new version").isEqualTo(2.0);
  }

  @Test
  @Order(3)
  void aChangedWindowSizeIsRefusedNamingTheStageTheDifferenceAndTheChoices() throws Exception {
    Map<String, String> before = jobIds();

    CliRun dryRun = baton("deploy", "twice", "--jar", wider.toString(), "--dry-run");
    CliRun deploy = baton("deploy", "twice", "--jar", wider.toString());

    assertThat(dryRun.out()).containsPattern("totals +refuse +version [0-9a-f]{12} → [0-9a-f]{12}; state cannot "
        + "restore: window size every\\(PT1M\\) → every\\(PT2M\\)").contains("Dry run: nothing changed.");
    assertThat(deploy.exitCode()).isEqualTo(1);
    assertThat(deploy.err()).containsPattern("stage totals of pipeline twice cannot restore its state into version "
        + "[0-9a-f]{12}: window size every\\(PT1M\\) → every\\(PT2M\\)\\. Deploy with --drain .* or --allow-state-loss");
    assertThat(jobIds()).isEqualTo(before);
  }

  @Test
  @Order(4)
  void aNewVersionThatCannotRestoreIsRolledBackToThePreviousOneWhichKeepsItsWindow() throws Exception {
    long window = BASE + 10 * MINUTE;
    produceWindow(window, 0, 5);
    awaitTotalsConsumedAll();
    Map<String, String> before = jobIds();
    String previousVersion = runningVersion(before.get("totals"));

    CliRun deploy = baton("deploy", "twice", "--jar", unrestorable.toString());

    assertThat(deploy.exitCode()).as(deploy.out()).isEqualTo(1);
    assertThat(deploy.err()).contains("deploy of pipeline twice failed and was rolled back")
        .containsPattern("version [0-9a-f]{12} of stage totals did not come up from file:\\S+: it failed")
        .contains("started the previous version " + previousVersion + " again from that savepoint");
    Map<String, String> after = jobIds();
    assertThat(after.get("readings")).isEqualTo(before.get("readings"));
    assertThat(runningVersion(after.get("totals"))).isEqualTo(previousVersion);

    produceWindow(window, 5, 3);
    closeWindow(window);
    Summary total = awaitSummary(window);
    assertThat((long) total.getCount()).isEqualTo(expectedCount(window)).isEqualTo(8);
    assertThat(total.getMinCelsius()).as("written by the previous version").isEqualTo(2.0);
  }

  @Test
  @Order(5)
  void stopThenRunResumesFromTheSavepointsWithoutWritingAnythingTwice() throws Exception {
    long window = BASE + 20 * MINUTE;
    produceWindow(window, 0, 4);
    awaitTotalsConsumedAll();
    Map<String, String> before = jobIds();

    CliRun stop = baton("stop", "twice");
    assertThat(stop.exitCode()).as(stop.err()).isZero();
    assertThat(stop.out()).contains("Stopped twice/readings (" + before.get("readings") + ") with a savepoint: file:")
        .contains("Stopped twice/totals (" + before.get("totals") + ") with a savepoint: file:");
    assertThat(jobIds()).isEmpty();
    assertThat(Files.readString(home.resolve("deployments/twice.json"))).contains("\"status\" : \"stopped\"");
    produceWindow(window, 4, 2);   // while it is stopped

    CliRun run = baton("run", "twice", "--jar", v2.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).containsPattern("started twice/readings \\(\\w+\\) from file:")
        .containsPattern("started twice/totals \\(\\w+\\) from file:");

    produceWindow(window, 6, 1);
    closeWindow(window);
    Summary total = awaitSummary(window);
    assertThat((long) total.getCount()).isEqualTo(expectedCount(window)).isEqualTo(7);
    List<Summary> s1 = summaries().stream().filter(s -> s.getSensorId().toString().equals("s1")).toList();
    assertThat(s1).extracting(Summary::getWindowStart).containsExactly(BASE, BASE + 10 * MINUTE, window);
    try (TopicReader reader = new TopicReader(KafkaClientConfig.of(endpoints.kafkaBootstrapServers()))) {
      await("every reading handed on once").atMost(WAIT)
          .until(() -> reader.readCommitted("twice.readings").size() == produced.size());
    }
  }

  @Test
  @Order(6)
  void drainingARefusedStageFiresItsOpenWindowThenTheNewVersionStartsFreshFromTheCommittedOffsets() throws Exception {
    long open = BASE + 30 * MINUTE;
    produceWindow(open, 0, 3);
    awaitTotalsConsumedAll();
    Map<String, String> before = jobIds();

    CliRun deploy = baton("deploy", "twice", "--jar", wider.toString(), "--drain");

    assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isZero();
    assertThat(deploy.out()).containsPattern("totals +drain +version [0-9a-f]{12} → [0-9a-f]{12}; state cannot restore "
        + "\\(window size every\\(PT1M\\) → every\\(PT2M\\)\\): drain")
        .contains("stopped twice/totals (" + before.get("totals") + ") with a draining savepoint");
    Summary drained = awaitSummary(open);
    assertThat((long) drained.getCount()).isEqualTo(expectedCount(open)).isEqualTo(3);
    assertThat(jobIds().get("readings")).isEqualTo(before.get("readings"));

    long twoMinutes = (BASE + 40 * MINUTE) / (2 * MINUTE) * (2 * MINUTE);
    produce("s1", twoMinutes + 10_000, 20);
    produce("s1", twoMinutes + 70_000, 30);
    closeWindow(twoMinutes + 2 * MINUTE);
    Summary wide = awaitSummary(twoMinutes);
    assertThat(wide.getWindowEnd() - wide.getWindowStart()).isEqualTo(2 * MINUTE);
    assertThat(wide.getCount()).isEqualTo(2);
    assertThat(summaries().stream().filter(s -> s.getSensorId().toString().equals("s1")))
        .as("the drained readings are not read again by the new version")
        .extracting(Summary::getWindowStart)
        .containsExactly(BASE, BASE + 10 * MINUTE, BASE + 20 * MINUTE, open, twoMinutes);
  }

  @Test
  @Order(7)
  void aStageNoLongerInThePipelineIsStoppedWithASavepointAndTheOthersKeepRunning() throws Exception {
    Map<String, String> before = jobIds();

    CliRun deploy = baton("deploy", "twice", "--jar", readingsOnly.toString());

    assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isZero();
    assertThat(deploy.out()).containsPattern("readings +keep +unchanged")
        .containsPattern("totals +stop +no longer in the pipeline")
        .contains("stopped twice/totals (" + before.get("totals") + ") with a savepoint: file:");
    assertThat(jobIds()).containsOnlyKeys("readings").containsEntry("readings", before.get("readings"));
    assertThat(Files.readString(home.resolve("deployments/twice.json"))).contains("\"status\" : \"stopped\"");
  }
}
