package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.connectors.KafkaClientConfig;
import io.baton.flink.deploy.TopicDefaults;
import io.baton.flink.deploy.Topics;
import io.baton.stack.LocalStack;
import io.baton.stack.Ports;
import io.baton.stack.ProcessMarker;
import io.baton.stack.RepoRoot;
import io.baton.stack.ServerId;
import io.baton.stack.StackConfig;
import io.baton.stack.StackEndpoints;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baton up --brokers 3} on free ports in a temporary state folder: three Kafka brokers (each a KRaft
 * controller) beside the registry and Flink; topics Baton creates are replicated three times with
 * {@code min.insync.replicas} 2, a killed broker can be started again and catches up, and {@code down} stops all six
 * servers. The down test runs even when an earlier one failed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeBrokerStackIT {
  private static final String TOPIC = "three.handoff";

  @TempDir
  static Path home;

  private final Ports ports = Ports.freeEphemeral(3);
  private final StackEndpoints endpoints = StackEndpoints.of(ports);
  private final List<Long> pids = new ArrayList<>();

  @AfterAll
  void neverLeaveServersBehind() {
    CliRun.at(home, "down");
  }

  private static String list(List<Integer> ports) {
    return ports.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private LocalStack stack() throws Exception {
    return new LocalStack(StackConfig.builder().repo(RepoRoot.locate()).home(home).ports(Ports.defaults()).build());
  }

  private Admin admin() {
    return Admin.create(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()));
  }

  @Test
  @Order(1)
  void upStartsThreeBrokersAndNamesEveryOneInTheBootstrapServers() throws Exception {
    CliRun up = CliRun.at(home, "up", "--brokers", "3", "--kafka-port", list(ports.kafkaPorts()),
        "--kafka-controller-port", list(ports.kafkaControllerPorts()), "--registry-port", "" + ports.registry(),
        "--flink-port", "" + ports.flinkRest(), "--flink-rpc-port", "" + ports.flinkRpc());
    assertThat(up.exitCode()).as(up.err()).isZero();
    for (int node = 1; node <= 3; node++) {
      assertThat(up.out()).containsPattern("(?m)^" + ServerId.kafka(node).id() + " +ready after +\\d+\\.\\d s  "
          + Pattern.quote("127.0.0.1:" + ports.kafka(node)) + "$");
    }
    assertThat(up.out()).contains("Kafka bootstrap servers  127.0.0.1:" + ports.kafka(1) + ",127.0.0.1:"
        + ports.kafka(2) + ",127.0.0.1:" + ports.kafka(3));
    stack().status().forEach(s -> pids.add(s.pid().orElseThrow(() -> new AssertionError(s + " is not up"))));
    assertThat(pids).hasSize(6).doesNotHaveDuplicates();
    assertThat(ProcessMarker.allMarkedWith(home).stream().map(ProcessHandle::pid).toList())
        .containsExactlyInAnyOrderElementsOf(pids);
  }

  @Test
  @Order(2)
  void statusListsEachBrokerAndTheControllerQuorumHasThreeVoters() throws Exception {
    CliRun status = CliRun.at(home, "status");
    for (int node = 1; node <= 3; node++) {
      assertThat(status.out()).containsPattern("(?m)^" + ServerId.kafka(node).id() + " +up +pid \\d+ +"
          + Pattern.quote("127.0.0.1:" + ports.kafka(node)) + "$");
    }
    assertThat(status.out()).contains("Baton stack is up");
    try (Admin admin = admin()) {
      assertThat(admin.describeCluster().nodes().get()).extracting(Node::id).containsExactlyInAnyOrder(1, 2, 3);
      assertThat(admin.describeMetadataQuorum().quorumInfo().get().voters()).hasSize(3);
    }
  }

  @Test
  @Order(3)
  void topicsBatonCreatesHaveThreeReplicasAllInSyncAndNeedTwo() throws Exception {
    try (Topics topics = new Topics(KafkaClientConfig.of(endpoints.kafkaBootstrapServers()),
        TopicDefaults.brokerDefaults())) {
      topics.ensure(TOPIC, 3);
    }
    try (Admin admin = admin()) {
      TopicDescription d = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
      assertThat(d.partitions()).hasSize(3).allSatisfy(p -> {
        assertThat(p.replicas()).extracting(Node::id).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(p.isr()).extracting(Node::id).containsExactlyInAnyOrder(1, 2, 3);
      });
      // Leaders spread over the brokers.
      assertThat(d.partitions().stream().map(p -> p.leader().id()).collect(Collectors.toSet())).hasSize(3);
      assertThat(minInsyncReplicas(admin, TOPIC)).isEqualTo("2");
    }
  }

  @Test
  @Order(4)
  void transactionsKeepTheirStateOnThreeBrokers() throws Exception {
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, "three-it"), new StringSerializer(), new StringSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(TOPIC, "k", "v")).get();
      producer.commitTransaction();
    }
    try (Admin admin = admin()) {
      TopicDescription d = admin.describeTopics(List.of("__transaction_state")).allTopicNames().get()
          .get("__transaction_state");
      assertThat(d.partitions()).isNotEmpty().allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
      assertThat(minInsyncReplicas(admin, "__transaction_state")).isEqualTo("2");
    }
  }

  @Test
  @Order(5)
  void aKilledBrokerIsShownDownStartsAgainAndCatchesUp() throws Exception {
    LocalStack stack = stack();
    long second = stack.status().get(1).pid().orElseThrow();
    assertThat(stack.kill(ServerId.kafka(2))).contains(second);
    assertThat(CliRun.at(home, "status").out()).containsPattern("(?m)^kafka-2 +down +"
        + Pattern.quote("127.0.0.1:" + ports.kafka(2)) + "$").contains("Baton stack is partly up");
    try (Admin admin = admin()) {
      // The others fence it and go on without it.
      await("broker 2 leaves every ISR").atMost(Duration.ofSeconds(60))
          .until(() -> isrs(admin).stream().noneMatch(isr -> isr.contains(2)));
      long again = stack.start(ServerId.kafka(2));
      assertThat(again).isNotIn(pids);
      await("broker 2 is back in every ISR").atMost(Duration.ofSeconds(90))
          .until(() -> isrs(admin).stream().allMatch(isr -> isr.size() == 3));
    }
    assertThat(CliRun.at(home, "status").out()).contains("Baton stack is up");
    assertThat(CliRun.at(home, "logs", "kafka-2", "-n", "400").out()).contains("Kafka Server started");
  }

  @Test
  @Order(6)
  void downStopsAllSixServers() {
    CliRun down = CliRun.at(home, "down");
    assertThat(down.exitCode()).as(down.err()).isZero();
    assertThat(down.out()).startsWith("Stopped kafka, kafka-2, kafka-3, registry, jobmanager, taskmanager");
    assertThat(ProcessMarker.allMarkedWith(home)).isEmpty();
    assertThat(CliRun.at(home, "status").out()).contains("Baton stack is down");
  }

  private static String minInsyncReplicas(Admin admin, String topic) throws Exception {
    ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = admin.describeConfigs(List.of(r)).all().get().get(r);
    return config.get("min.insync.replicas").value();
  }

  /** The in-sync replica ids of every partition of the test topic and the transaction state. */
  private static List<Set<Integer>> isrs(Admin admin) throws Exception {
    return admin.describeTopics(List.of(TOPIC, "__transaction_state")).allTopicNames().get().values().stream()
        .flatMap(d -> d.partitions().stream()).map(TopicPartitionInfo::isr)
        .map(isr -> isr.stream().map(Node::id).collect(Collectors.toSet())).toList();
  }
}
