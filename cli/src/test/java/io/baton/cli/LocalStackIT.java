package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.connectors.KafkaRecord;
import io.baton.connectors.Provenance;
import io.baton.connectors.RunId;
import io.baton.connectors.TopicReader;
import io.baton.examples.nexmark.NexmarkEvent;
import io.baton.examples.nexmark.NexmarkGenerator;
import io.baton.flink.deploy.FlinkRest;
import io.baton.flink.plan.PlanJson;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.wire.WireDecoder;
import io.baton.schemas.nexmark.Bid;
import io.baton.schemas.nexmark.HighestBid;
import io.baton.stack.Component;
import io.baton.stack.ComponentStatus;
import io.baton.stack.LocalStack;
import io.baton.stack.Ports;
import io.baton.stack.ProcessMarker;
import io.baton.stack.RepoRoot;
import io.baton.stack.StackConfig;
import io.baton.stack.StackEndpoints;
import io.baton.stack.StackLayout;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real local stack through {@code baton up} (free ports, temporary state folder) once for the ordered
 * tests below: runs the example copy job, the demo and a bounded Nexmark run on it, checks that {@code baton down} leaves no
 * process and that topics, schemas, checkpoints and the ports survive a restart without port flags. The down test runs
 * even when an earlier one failed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {
  private static final String SUBJECT = "it.in-value";
  private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"Reading\",\"namespace\":\"it\","
      + "\"fields\":[{\"name\":\"celsius\",\"type\":\"double\"}]}";

  @TempDir
  static Path home;

  private final Ports ports = Ports.freeEphemeral();
  private final StackEndpoints endpoints = StackEndpoints.of(ports);
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Long> firstPids = new ArrayList<>();
  private final List<String> copyJob = new ArrayList<>();
  private final List<Path> checkpointsAtDown = new ArrayList<>();

  @AfterAll
  void neverLeaveServersBehind() {
    baton("down");
  }

  private CliRun baton(String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of("--home", home.toString()));
    return CliRun.of(args.toArray(String[]::new));
  }

  private CliRun up(Path at) {
    return CliRun.of("up", "--home", at.toString(),
        "--kafka-port", "" + ports.kafka(), "--kafka-controller-port", "" + ports.kafkaController(),
        "--registry-port", "" + ports.registry(), "--flink-port", "" + ports.flinkRest(),
        "--flink-rpc-port", "" + ports.flinkRpc());
  }

  private List<Long> runningPids() throws Exception {
    LocalStack stack = new LocalStack(StackConfig.builder().repo(RepoRoot.locate()).home(home).ports(ports).build());
    return stack.status().stream().filter(ComponentStatus::isUp).map(s -> s.pid().orElseThrow()).toList();
  }

  private static List<Long> markedPids(Path at) {
    return ProcessMarker.allMarkedWith(at).stream().map(ProcessHandle::pid).toList();
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  @Test
  @Order(1)
  void upStartsEveryServerAndASecondUpSaysItIsAlreadyUp() throws Exception {
    CliRun up = up(home);
    assertThat(up.exitCode()).as(up.err()).isZero();
    for (Component c : Component.values()) {
      assertThat(up.out()).containsPattern("(?m)^" + c.id() + " +ready after +\\d+\\.\\d s");
    }
    assertThat(up.out()).contains("Kafka bootstrap servers  " + endpoints.kafkaBootstrapServers(),
        "Schema registry          " + endpoints.registryUrl(), "Flink web UI             " + endpoints.flinkWebUrl());
    firstPids.addAll(runningPids());
    assertThat(firstPids).hasSize(4);
    // The scan the down test relies on sees exactly these servers.
    assertThat(markedPids(home)).containsExactlyInAnyOrderElementsOf(firstPids);

    CliRun again = up(home);
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).startsWith("Baton stack is already up");
  }

  @Test
  @Order(2)
  void statusShowsEveryServerUpWithItsEndpointAndTheServersAnswer() throws Exception {
    CliRun status = baton("status");
    assertThat(status.exitCode()).isZero();
    for (Component c : Component.values()) {
      assertThat(status.out()).containsPattern("(?m)^" + c.id() + " +up +pid \\d+ +"
          + Pattern.quote(endpoints.endpointOf(c)) + "$");
    }
    assertThat(status.out()).contains("Baton stack is up");
    assertThat(get(endpoints.flinkWebUrl() + "/").body()).contains("<title>Apache Flink Web Dashboard</title>");
    assertThat(get(endpoints.registryUrl() + "/config").body()).contains("\"BACKWARD\"");
  }

  @Test
  @Order(3)
  void theCopyJobRunsEndToEnd() throws Exception {
    createTopics(endpoints, "it.in", "it.out");
    assertThat(registerSchema(endpoints)).isEqualTo(200);

    FlinkRest flink = new FlinkRest(endpoints.flinkWebUrl());
    Path jar = RepoRoot.locate().resolve("jobs/examples/target/baton-examples.jar");
    assertThat(jar).as("the example job jar (built by jobs/examples before cli)").exists();
    String jobId = flink.run(flink.uploadJar(jar), "io.baton.examples.copy.TopicCopyJob",
        List.of("--bootstrap", endpoints.kafkaBootstrapServers(), "--from", "it.in", "--to", "it.out"));

    produce(endpoints, "it.in", 20);
    assertThat(consume(endpoints, "it.out", 20)).containsExactlyInAnyOrderElementsOf(values(20));
    var job = flink.jobs().stream().filter(j -> j.id().equals(jobId)).findFirst().orElseThrow();
    assertThat(job.name()).isEqualTo("baton/topic-copy");
    assertThat(job.state()).isEqualTo("RUNNING");
    copyJob.add(jobId);
  }

  @Test
  @Order(4)
  void demoTellsTheSensorStoryAndItsCancelledJobsKeepTheirCheckpoints() throws Exception {
    // The README's main command on this stack: the story balances and shows every kind of rejection.
    CliRun demo = baton("demo");
    assertThat(demo.exitCode()).as(demo.err()).isZero();
    assertThat(demo.out())
        .contains("All 3 jobs are RUNNING")
        .contains("readings    in   372  →  out   364   dead letters   8  "
            + "(malformed 3, rule:celsius in physical range 4, schema 1)")
        .contains("per-minute  in   364  →  out    60   dead letters   3  (late 3)")
        .contains("alerts      in    60  →  out    20   dead letters   0")
        .contains("per-minute batched 360 readings into 60 one-minute summaries")
        .contains("Watch the jobs in the Flink web UI: " + endpoints.flinkWebUrl());
    // It ends with one alert traced to its readings: one summary of six readings, in about a dozen lines.
    List<String> traced = demo.out().lines().dropWhile(l -> !l.startsWith("Where the first alert came from"))
        .takeWhile(l -> !l.isBlank()).toList();
    assertThat(traced).hasSizeBetween(8, 15);
    assertThat(traced.get(1)).startsWith("  sensors.alerts:0:0  {\"sensorId\":\"sensor-");
    assertThat(traced).anySatisfy(l -> assertThat(l).startsWith("  hop 1  alerts  Batch.each()  version 1  ← 1 input: sensor-story.per-minute:0:"))
        .anySatisfy(l -> assertThat(l).startsWith("  hop 3  readings  ").contains("← 6 raw source records: sensors.readings:0:"));
    FlinkRest flink = new FlinkRest(endpoints.flinkWebUrl());
    List<FlinkRest.Job> jobs = flink.jobs().stream().filter(j -> j.name().startsWith("sensor-story/")).toList();
    assertThat(jobs).extracting(FlinkRest.Job::state).containsOnly("RUNNING").hasSize(3);
    List<String> story = jobs.stream().map(FlinkRest.Job::id).toList();
    CliRun stop = baton("stop", "sensor-story", "--cancel");
    assertThat(stop.out()).contains("Cancelled sensor-story/readings", "Cancelled sensor-story/per-minute",
        "Cancelled sensor-story/alerts");
    await("the sensor-story jobs are CANCELED").atMost(Duration.ofSeconds(30)).until(() -> flink.jobs().stream()
        .filter(j -> story.contains(j.id())).allMatch(j -> j.state().equals("CANCELED")));
    for (String jobId : story) {
      assertThat(latestCompletedCheckpoint(jobId)).as("a retained checkpoint of cancelled job " + jobId).isPresent();
    }
  }

  @Test
  @Order(5)
  void fedNexmarkBidsRunBoundedGiveTheHighestBidOfEveryWindowAndTheSameOnASecondRun() throws Exception {
    Instant start = Instant.parse("2026-02-01T00:00:00Z");
    CliRun feed = baton("feed", "nexmark", "--events", "3000", "--seed", "7", "--events-per-second", "100",
        "--start", start.toString());
    assertThat(feed.exitCode()).as(feed.err()).isZero();
    List<Bid> bids = NexmarkGenerator.builder().seed(7).startAt(start.toEpochMilli()).eventsPerSecond(100).build()
        .events().limit(3_000).filter(e -> e.kind() == NexmarkEvent.Kind.BID).map(e -> (Bid) e.record()).toList();
    assertThat(feed.out()).contains("Fed 3000 Nexmark events", bids.size() + " to nexmark.bids");

    // The highest price of each 10 s window and how many bids it had, as plain Java finds them over the same bids.
    Map<Long, Long> expected = bids.stream().collect(Collectors.groupingBy(
        b -> Math.floorDiv(b.getDateTime(), 10_000L) * 10_000L, TreeMap::new,
        Collectors.mapping(Bid::getPrice, Collectors.reducing(Long.MIN_VALUE, Math::max))));
    Map<Long, Long> bidsPerWindow = bids.stream().collect(Collectors.groupingBy(
        b -> Math.floorDiv(b.getDateTime(), 10_000L) * 10_000L, TreeMap::new, Collectors.counting()));
    assertThat(expected).hasSizeGreaterThanOrEqualTo(3);

    // An output's lineage names sides of the stage that writes its topic: the plan knows their topics.
    CliRun planned = CliRun.of("plan", "nexmark-highest-bid", "--json");
    assertThat(planned.exitCode()).as(planned.err()).isZero();
    List<String> highestBidReads = PlanJson.parse(planned.out()).writerOf("nexmark-highest-bid.highest-bid")
        .orElseThrow().inputTopics();
    for (int attempt = 1; attempt <= 2; attempt++) {
      CliRun run = baton("run", "nexmark-highest-bid", "--bounded");
      assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
      assertThat(run.out()).contains("Finished 2 jobs of nexmark-highest-bid");
      java.util.regex.Matcher id = Pattern.compile("bounded run (\\S+) ").matcher(run.out());
      assertThat(id.find()).as(run.out()).isTrue();
      Map<Long, Long> prices = new TreeMap<>();
      Map<Long, Long> inputs = new TreeMap<>();
      try (TopicReader reader = new TopicReader(endpoints.kafkaBootstrapServers());
           WireDecoder<HighestBid> decoder = WireDecoder.forSpecific(HighestBid.class,
               RegistryConfig.of(endpoints.registryUrl()))) {
        decoder.open();
        for (KafkaRecord r : reader.readCommitted("nexmark-highest-bid.highest-bid")) {
          if (RunId.fromHeaders(r.headers()).map(RunId::toString).orElse("").equals(id.group(1))) {
            HighestBid h = decoder.decode(r.value());
            assertThat(prices.put(h.getWindowStart(), h.getPrice())).as("one highest bid per window").isNull();
            inputs.put(h.getWindowStart(),
                Provenance.fromHeaders(r.headers(), highestBidReads).orElseThrow().inputs().count());
          }
        }
      }
      assertThat(prices).as("run " + attempt).isEqualTo(expected);
      assertThat(inputs).as("run " + attempt + " reads each bid once, whatever earlier runs handed off").isEqualTo(bidsPerWindow);
    }
  }

  @Test
  @Order(6)
  void logsShowAServersLastLines() {
    assertThat(baton("logs").exitCode()).isEqualTo(2);
    assertThat(baton("logs", "jobmanager", "-n", "5").out().lines()).hasSize(5);
  }

  @Test
  @Order(7)
  void theRunningCopyJobHasACompletedCheckpointUnderTheHome() {
    assertThat(copyJob).as("the copy job was started").hasSize(1);
    awaitCompletedCheckpoint(copyJob.get(0));
  }

  @Test
  @Order(8)
  void downStopsEveryServerLeavesNoProcessAndKeepsTheLatestCheckpoint() throws Exception {
    // A newer checkpoint may complete while stopping, but the newest one now is not deleted.
    for (String jobId : copyJob) {
      latestCompletedCheckpoint(jobId).ifPresent(checkpointsAtDown::add);
    }
    CliRun down = baton("down");
    assertThat(down.exitCode()).isZero();
    assertThat(down.out()).startsWith("Stopped kafka, registry, jobmanager, taskmanager");
    assertThat(firstPids).noneMatch(LocalStackIT::alive);
    assertThat(markedPids(home)).isEmpty();
    assertThat(baton("down").out()).startsWith("Nothing is running");
    assertThat(checkpointsAtDown).as("the copy job's latest checkpoint").hasSize(1)
        .allSatisfy(c -> assertThat(c).exists());
  }

  @Test
  @Order(9)
  void aSecondUpWithoutFlagsKeepsItsPortsTopicsSchemasAndCheckpoints() throws Exception {
    CliRun again = baton("up"); // no port flags: the ports of the first up are kept in the home
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("Kafka bootstrap servers  " + endpoints.kafkaBootstrapServers(),
        "Schema registry          " + endpoints.registryUrl(), "Flink web UI             " + endpoints.flinkWebUrl());
    assertThat(baton("status").out()).containsPattern("(?m)^kafka +up +pid \\d+ +"
        + Pattern.quote(endpoints.endpointOf(Component.KAFKA)) + "$");
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()))) {
      assertThat(admin.listTopics().names().get()).contains("it.in", "it.out");
    }
    assertThat(get(endpoints.registryUrl() + "/subjects").body()).contains(SUBJECT);
    assertThat(checkpointsAtDown).isNotEmpty().allSatisfy(c -> assertThat(c).exists());
    List<Long> secondPids = runningPids();
    assertThat(baton("down").exitCode()).isZero();
    assertThat(secondPids).hasSize(4).noneMatch(LocalStackIT::alive);
    assertThat(markedPids(home)).isEmpty();
  }

  @Test
  @Order(10)
  void aServerThatDiesWhileStartingIsShownWithItsLogAndTheOthersAreStopped(@TempDir Path other) throws Exception {
    // A meta.properties without a node id makes the broker exit at once.
    Files.createDirectories(other.resolve("kafka/data"));
    Files.writeString(other.resolve("kafka/data/meta.properties"), "version=1\n");
    CliRun up = up(other);
    assertThat(up.exitCode()).isEqualTo(1);
    assertThat(up.err()).startsWith("baton: kafka failed to start: kafka exited with code 1 while starting")
        .contains("last ", " lines of " + other.resolve("logs/kafka.log"), "Exiting Kafka due to fatal exception")
        .contains("the servers started by this call were stopped");
    assertThat(markedPids(other)).isEmpty();
    assertThat(CliRun.of("status", "--home", other.toString()).out()).contains("Baton stack is down");
  }

  /** The copy job checkpoints every 5 s; waits for a completed one ({@code chk-N/_metadata}) under the home. */
  private static void awaitCompletedCheckpoint(String jobId) {
    await("a completed checkpoint of job " + jobId + " under " + home).atMost(Duration.ofSeconds(60))
        .until(() -> latestCompletedCheckpoint(jobId), Optional::isPresent);
  }

  /** The newest {@code chk-N/_metadata} of a job: older ones are deleted as newer ones complete. */
  private static Optional<Path> latestCompletedCheckpoint(String jobId) throws IOException {
    Path dir = StackLayout.at(home).checkpoints().resolve(jobId);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children.filter(d -> d.getFileName().toString().matches("chk-\\d+"))
          .filter(d -> Files.isRegularFile(d.resolve("_metadata")))
          .max(Comparator.comparingInt(d -> Integer.parseInt(d.getFileName().toString().substring(4))))
          .map(d -> d.resolve("_metadata"));
    }
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private int registerSchema(StackEndpoints e) throws Exception {
    String body = "{\"schema\":" + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(SCHEMA) + "}";
    return http.send(HttpRequest.newBuilder(URI.create(e.registryUrl() + "/subjects/" + SUBJECT + "/versions"))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private static void createTopics(StackEndpoints e, String... names) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", e.kafkaBootstrapServers()))) {
      List<NewTopic> topics = new ArrayList<>();
      for (String n : names) {
        topics.add(new NewTopic(n, 1, (short) 1));
      }
      admin.createTopics(topics).all().get();
    }
  }

  private static List<String> values(int n) {
    List<String> v = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      v.add("record-" + i);
    }
    return v;
  }

  private static void produce(StackEndpoints e, String topic, int n) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", e.kafkaBootstrapServers());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      for (String v : values(n)) {
        producer.send(new ProducerRecord<>(topic, v)).get();
      }
    }
  }

  private static List<String> consume(StackEndpoints e, String topic, int n) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, e.kafkaBootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-check");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> seen = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      await().atMost(Duration.ofSeconds(90)).until(() -> {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          seen.add(r.value());
        }
        return seen.size() >= n;
      });
    }
    return seen;
  }
}
