package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.stack.Component;
import io.baton.stack.ComponentStatus;
import io.baton.stack.LocalStack;
import io.baton.stack.Ports;
import io.baton.stack.RepoRoot;
import io.baton.stack.StackConfig;
import io.baton.stack.StackEndpoints;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real local stack through {@code baton up} (free ports, temporary state folder), runs the example copy
 * job on it end to end, and checks that {@code baton down} leaves no process and that state survives a restart.
 */
class LocalStackIT {
  private static final String SUBJECT = "it.in-value";
  private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"Reading\",\"namespace\":\"it\","
      + "\"fields\":[{\"name\":\"celsius\",\"type\":\"double\"}]}";

  @TempDir
  Path home;

  private final Ports ports = Ports.freeEphemeral();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void neverLeaveServersBehind() {
    CliRun.of("down", "--home", home.toString());
  }

  private CliRun baton(String command) {
    return CliRun.of(command, "--home", home.toString());
  }

  private CliRun up() {
    return CliRun.of("up", "--home", home.toString(),
        "--kafka-port", "" + ports.kafka(), "--kafka-controller-port", "" + ports.kafkaController(),
        "--registry-port", "" + ports.registry(), "--flink-port", "" + ports.flinkRest(),
        "--flink-rpc-port", "" + ports.flinkRpc());
  }

  private List<Long> runningPids() throws Exception {
    LocalStack stack = new LocalStack(StackConfig.builder().repo(RepoRoot.locate()).home(home).ports(ports).build());
    return stack.status().stream().filter(ComponentStatus::isUp).map(s -> s.pid().orElseThrow()).toList();
  }

  @Test
  void upRunsTheCopyJobEndToEndAndDownLeavesNoProcess() throws Exception {
    StackEndpoints endpoints = StackEndpoints.of(ports);
    CliRun up = up();
    assertThat(up.exitCode()).as(up.err()).isZero();
    for (Component c : Component.values()) {
      assertThat(up.out()).containsPattern("(?m)^" + c.id() + " +ready after +\\d+\\.\\d s");
    }
    assertThat(up.out()).contains("Kafka bootstrap servers  " + endpoints.kafkaBootstrapServers(),
        "Schema registry          " + endpoints.registryUrl(), "Flink web UI             " + endpoints.flinkWebUrl());
    List<Long> pids = runningPids();
    assertThat(pids).hasSize(4);

    assertThat(up().out()).startsWith("Baton stack is already up");
    assertThat(get(endpoints.flinkWebUrl() + "/").body()).contains("<title>Apache Flink Web Dashboard</title>");
    assertThat(get(endpoints.registryUrl() + "/config").body()).contains("\"BACKWARD\"");

    createTopics(endpoints, "it.in", "it.out");
    assertThat(registerSchema(endpoints)).isEqualTo(200);

    io.baton.flink.deploy.FlinkRest flink = new io.baton.flink.deploy.FlinkRest(endpoints.flinkWebUrl());
    Path jar = RepoRoot.locate().resolve("jobs/examples/target/baton-examples.jar");
    assertThat(jar).as("the example job jar (built by jobs/examples before cli)").exists();
    String jobId = flink.run(flink.uploadJar(jar), "io.baton.examples.copy.TopicCopyJob",
        List.of("--bootstrap", endpoints.kafkaBootstrapServers(), "--from", "it.in", "--to", "it.out"));

    produce(endpoints, "it.in", 20);
    assertThat(consume(endpoints, "it.out", 20)).containsExactlyInAnyOrderElementsOf(values(20));
    var job = flink.jobs().stream().filter(j -> j.id().equals(jobId)).findFirst().orElseThrow();
    assertThat(job.name()).isEqualTo("baton/topic-copy");
    assertThat(job.state()).isEqualTo("RUNNING");

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
    assertThat(flink.jobs()).filteredOn(j -> j.name().startsWith("sensor-story/"))
        .extracting(j -> j.state()).containsOnly("RUNNING").hasSize(3);
    CliRun stop = CliRun.of("stop", "sensor-story", "--home", home.toString());
    assertThat(stop.out()).contains("Cancelled sensor-story/readings", "Cancelled sensor-story/per-minute",
        "Cancelled sensor-story/alerts");

    CliRun status = baton("status");
    assertThat(status.out()).contains("Baton stack is up");
    assertThat(baton("logs").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("logs", "jobmanager", "-n", "5", "--home", home.toString()).out().lines()).hasSize(5);

    CliRun down = baton("down");
    assertThat(down.exitCode()).isZero();
    assertThat(down.out()).startsWith("Stopped kafka, registry, jobmanager, taskmanager");
    assertThat(pids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    assertThat(baton("down").out()).startsWith("Nothing is running");

    // Topics and schemas survive down/up.
    CliRun again = up();
    assertThat(again.exitCode()).as(again.err()).isZero();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()))) {
      assertThat(admin.listTopics().names().get()).contains("it.in", "it.out");
    }
    assertThat(get(endpoints.registryUrl() + "/subjects").body()).contains(SUBJECT);
    List<Long> secondPids = runningPids();
    assertThat(baton("down").exitCode()).isZero();
    assertThat(secondPids).hasSize(4).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    assertThat(ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains("-Dbaton.home=" + home))).isEmpty();
  }

  @Test
  void aServerThatDiesWhileStartingIsShownWithItsLogAndTheOthersAreStopped() throws Exception {
    // A meta.properties without a node id makes the broker exit at once.
    Files.createDirectories(home.resolve("kafka/data"));
    Files.writeString(home.resolve("kafka/data/meta.properties"), "version=1\n");
    CliRun up = up();
    assertThat(up.exitCode()).isEqualTo(1);
    assertThat(up.err()).startsWith("baton: kafka failed to start: kafka exited with code 1 while starting")
        .contains("last ", " lines of " + home.resolve("logs/kafka.log"), "Exiting Kafka due to fatal exception")
        .contains("the servers started by this call were stopped");
    assertThat(ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains("-Dbaton.home=" + home))).isEmpty();
    assertThat(baton("status").out()).contains("Baton stack is down");
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
