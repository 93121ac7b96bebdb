package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.baton.api.internal.ResourceNames;
import io.baton.connectors.KafkaClientConfig;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.TopicReader;
import io.baton.examples.sensor.SensorStory;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.sensor.Alert;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import io.baton.schemas.wire.WireDecoder;
import io.baton.schemas.wire.WireEncoder;
import io.baton.stack.Ports;
import io.baton.stack.StackEndpoints;
import io.baton.stack.StackLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
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
 * The sensor story's access model on the secure local stack ({@code up --secure}, free ports, a temporary state
 * folder), through {@code baton acl --apply}: the ACLs and each principal's SCRAM login are made, a second apply
 * changes nothing, the pipeline runs end to end with every stage job logged in as its own principal, each principal
 * may do its job and is denied the rest, and a stage taken out of the pipeline loses its ACLs and its login.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessControlIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String P = "sensor-story";
  private static final long T0 = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();

  @TempDir
  static Path home;

  @TempDir
  static Path jars;

  private final Ports ports = Ports.freeEphemeral();
  private StackEndpoints endpoints;
  private StackLayout layout;
  private final AclBinding analytics = new AclBinding(
      new ResourcePattern(ResourceType.TOPIC, SensorStory.ALERTS_TOPIC, PatternType.LITERAL),
      new AccessControlEntry("User:analytics", "*", AclOperation.READ, AclPermissionType.ALLOW));

  @BeforeAll
  void upSecure() throws Exception {
    CliRun up = CliRun.at(home, "up", "--secure", "--kafka-port", "" + ports.kafka(), "--kafka-controller-port",
        "" + ports.kafkaController(), "--registry-port", "" + ports.registry(), "--flink-port", "" + ports.flinkRest(),
        "--flink-rpc-port", "" + ports.flinkRpc());
    assertThat(up.exitCode()).as(up.err()).isZero();
    layout = StackLayout.at(home);
    endpoints = StackEndpoints.secure(ports, layout.adminClientProperties());
    try (Admin admin = admin()) {
      admin.createAcls(List.of(analytics)).all().get(30, TimeUnit.SECONDS); // someone else's, on the pipeline's output
    }
  }

  @AfterAll
  void neverLeaveServersBehind() {
    CliRun.at(home, "stop", P);
    CliRun.at(home, "down");
  }

  private Admin admin() {
    return Admin.create(endpoints.kafkaClientConfig());
  }

  private Path loginFile(String user) {
    return layout.jobFiles().resolve(user + ".kafka.properties");
  }

  private KafkaClientConfig stage(String stage) {
    return KafkaClientConfig.of(endpoints.kafkaBootstrapServers()).withPropertiesFile(loginFile("baton." + P + "." + stage));
  }

  private List<AclBinding> aclsOf(String principal) throws Exception {
    try (Admin admin = admin()) {
      return admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS).stream()
          .filter(b -> b.entry().principal().equals(principal)).toList();
    }
  }

  private List<AclBinding> allAcls() throws Exception {
    try (Admin admin = admin()) {
      return new ArrayList<>(admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS));
    }
  }

  @Test
  @Order(1)
  void applyCreatesEveryAclAndALoginPerPrincipalWithoutPrintingAPassword() throws Exception {
    CliRun apply = CliRun.at(home, "acl", P, "--apply");

    assertThat(apply.exitCode()).as(apply.err() + apply.out()).isZero();
    assertThat(apply.out()).contains("ACLs: 89 created, 0 removed, 0 in place. Logins: 5 created, 0 removed, 0 in place;")
        .contains("  created ACL User:baton.sensor-story.per-minute ALLOW READ TOPIC sensor-story.readings\n")
        .contains("  created login baton.sensor-story.readings (SCRAM-SHA-512), its client settings in "
            + loginFile("baton.sensor-story.readings") + "\n");
    List<String> users = List.of("baton.sensor-story.readings", "baton.sensor-story.per-minute",
        "baton.sensor-story.alerts", "baton-replay.sensor-story", "baton-admin.sensor-story");
    for (String user : users) {
      Path file = loginFile(user);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString()).isEqualTo("rw-------");
      String jaas = load(file).getProperty("sasl.jaas.config");
      assertThat(jaas).contains("username=\"" + user + "\"");
      String password = jaas.substring(jaas.indexOf("password=\"") + 10, jaas.lastIndexOf('"'));
      assertThat(password).hasSize(32);
      assertThat(apply.out() + apply.err()).doesNotContain(password);
    }
    List<AclBinding> all = allAcls();
    assertThat(all).hasSize(89 + 1).contains(analytics);
    assertThat(aclsOf("User:baton.sensor-story.alerts")).hasSize(13);
    try (Admin admin = admin()) {
      assertThat(admin.describeUserScramCredentials().all().get(30, TimeUnit.SECONDS).keySet())
          .containsAll(users);
    }
  }

  @Test
  @Order(2)
  void aSecondApplyChangesNothing() throws Exception {
    List<AclBinding> before = allAcls();
    String readingsLogin = Files.readString(loginFile("baton.sensor-story.readings"));

    CliRun again = CliRun.at(home, "acl", P, "--apply");

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("  nothing to change: the 89 ACLs and 5 logins are in place\n")
        .contains("ACLs: 0 created, 0 removed, 89 in place. Logins: 0 created, 0 removed, 5 in place;")
        .doesNotContain("created ACL", "removed ACL", "created login");
    assertThat(allAcls()).containsExactlyInAnyOrderElementsOf(before);
    assertThat(Files.readString(loginFile("baton.sensor-story.readings"))).isEqualTo(readingsLogin);

    CliRun json = CliRun.at(home, "acl", P, "--apply", "--json");
    com.fasterxml.jackson.databind.JsonNode applied = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
    assertThat(applied.get("created")).isEmpty();
    assertThat(applied.get("removed")).isEmpty();
    assertThat(applied.get("inPlace").asInt()).isEqualTo(89);
    assertThat(applied.at("/logins/mechanism").asText()).isEqualTo("SCRAM-SHA-512");
    assertThat(applied.at("/logins/inPlace")).hasSize(5);
    assertThat(applied.at("/logins/files/baton.sensor-story.alerts").asText())
        .isEqualTo(loginFile("baton.sensor-story.alerts").toString());
  }

  @Test
  @Order(3)
  void theStoryRunsEndToEndWithEachStageLoggedInAsItsOwnPrincipal() throws Exception {
    for (String s : List.of("readings", "per-minute", "alerts")) {
      awaitLogin(stage(s));
    }
    feed();

    CliRun run = CliRun.at(home, "run", P, "--bounded");

    assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
    for (String s : List.of("readings", "per-minute", "alerts")) {
      assertThat(run.out()).contains("stage " + s + " logs in to Kafka as its own principal baton.sensor-story." + s
          + " (" + loginFile("baton.sensor-story." + s) + ")");
    }
    // Fed: hot-1 at 45 and 47 °C in the first minute (mean 46, above 40), cool-1 at 20 and 22, one 500 °C reading.
    List<String> alerts = new ArrayList<>();
    try (TopicReader reader = new TopicReader(Cluster.localKafka(endpoints));
         WireDecoder<Alert> decoder = WireDecoder.forSpecific(Alert.class, RegistryConfig.of(endpoints.registryUrl()))) {
      decoder.open();
      for (KafkaRecord r : reader.readCommitted(SensorStory.ALERTS_TOPIC)) {
        Alert a = decoder.decode(r.value());
        alerts.add(a.getSensorId() + "@" + (a.getWindowEnd() - T0) + "=" + a.getMeanCelsius());
      }
      assertThat(alerts).containsExactly("hot-1@60000=46.0");
      assertThat(reader.readCommitted("sensor-story.readings.dead-letter")).as("the 500 °C reading").hasSize(1);
      assertThat(reader.readCommitted("sensor-story.readings")).as("accepted readings").hasSize(5);
    }
  }

  @Test
  @Order(4)
  void eachStageMayReadItsInputWithItsGroupAndWriteItsTopicsInItsTransactions() throws Exception {
    try (KafkaConsumer<byte[], byte[]> c = consumer(stage("per-minute"), "baton.sensor-story.per-minute")) {
      c.subscribe(List.of("sensor-story.readings"));
      List<byte[]> seen = new ArrayList<>();
      await("per-minute reads its input").atMost(WAIT).until(() -> {
        c.poll(Duration.ofMillis(500)).forEach(r -> seen.add(r.value()));
        return seen.size() >= 5;
      });
      c.commitSync();
    }
    try (Admin admin = admin()) {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("baton.sensor-story.per-minute")
          .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
      assertThat(committed.values()).extracting(OffsetAndMetadata::offset).allMatch(o -> o > 0);
    }
    try (KafkaProducer<byte[], byte[]> p = producer(stage("readings"),
        ResourceNames.transactionalIdPrefix("sensor-story", "readings") + "-it-0-1")) {
      p.initTransactions();
      p.beginTransaction();
      p.send(new ProducerRecord<>("sensor-story.readings", bytes("tx-handoff")));
      p.send(new ProducerRecord<>("sensor-story.readings.dead-letter", bytes("tx-letter")));
      p.commitTransaction();
    }
    try (TopicReader reader = new TopicReader(Cluster.localKafka(endpoints))) {
      assertThat(reader.readCommitted("sensor-story.readings.dead-letter")).extracting(r -> new String(r.value(),
          StandardCharsets.UTF_8)).contains("tx-letter");
      assertThat(reader.readCommitted("sensor-story.readings")).hasSize(6);
    }
  }

  @Test
  @Order(5)
  void aStageIsDeniedAnotherStagesInputTheDeadLettersForeignTopicsGroupsAndTransactionalIds() {
    try (KafkaConsumer<byte[], byte[]> c = consumer(stage("per-minute"), "baton.sensor-story.per-minute")) {
      c.assign(List.of(new TopicPartition(SensorStory.READINGS_TOPIC, 0)));
      c.seekToBeginning(c.assignment());
      assertThatThrownBy(() -> c.poll(Duration.ofSeconds(10))).as("per-minute reads readings' input")
          .isInstanceOf(TopicAuthorizationException.class).hasMessageContaining(SensorStory.READINGS_TOPIC);
    }
    for (String s : List.of("readings", "per-minute", "alerts")) {
      String letters = "sensor-story." + s + ".dead-letter";
      try (KafkaConsumer<byte[], byte[]> c = consumer(stage(s), "baton.sensor-story." + s)) {
        c.assign(List.of(new TopicPartition(letters, 0)));
        c.seekToBeginning(c.assignment());
        assertThatThrownBy(() -> c.poll(Duration.ofSeconds(10))).as(s + " reads its own dead letters")
            .isInstanceOf(TopicAuthorizationException.class).hasMessageContaining(letters);
      }
    }
    try (KafkaConsumer<byte[], byte[]> c = consumer(stage("alerts"), "baton.sensor-story.readings")) {
      c.subscribe(List.of("sensor-story.per-minute"));
      assertThatThrownBy(() -> c.poll(Duration.ofSeconds(10))).as("alerts uses readings' consumer group")
          .isInstanceOf(GroupAuthorizationException.class).hasMessageContaining("baton.sensor-story.readings");
    }
    try (KafkaProducer<byte[], byte[]> p = producer(stage("readings"), null)) {
      for (String foreign : List.of("sensor-story.per-minute", SensorStory.ALERTS_TOPIC, SensorStory.READINGS_TOPIC)) {
        assertThatThrownBy(() -> p.send(new ProducerRecord<>(foreign, bytes("x"))).get(30, TimeUnit.SECONDS))
            .as("readings writes " + foreign).isInstanceOf(ExecutionException.class)
            .cause().isInstanceOf(TopicAuthorizationException.class).hasMessageContaining(foreign);
      }
    }
    for (String foreignId : List.of(ResourceNames.transactionalIdPrefix("sensor-story", "per-minute") + "-0-1",
        ResourceNames.deadLetterTransactionalIdPrefix("sensor-story", "alerts") + "-0-1")) {
      try (KafkaProducer<byte[], byte[]> p = producer(stage("readings"), foreignId)) {
        assertThatThrownBy(p::initTransactions).as("readings uses " + foreignId)
            .isInstanceOf(TransactionalIdAuthorizationException.class);
      }
    }
  }

  @Test
  @Order(6)
  void streamingEachStageJobCommitsItsGroupsOffsetsAsItsOwnPrincipal() throws Exception {
    CliRun run = CliRun.at(home, "run", P);
    assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
    assertThat(run.out()).contains("stage alerts logs in to Kafka as its own principal baton.sensor-story.alerts");
    // Flink commits, on each checkpoint, the offset after the last record a source read (not after a commit marker).
    try (Admin admin = admin(); TopicReader reader = new TopicReader(Cluster.localKafka(endpoints))) {
      for (String[] groupAndInput : new String[][] {{"readings", SensorStory.READINGS_TOPIC},
          {"per-minute", "sensor-story.readings"}, {"alerts", "sensor-story.per-minute"}}) {
        TopicPartition input = new TopicPartition(groupAndInput[1], 0);
        long afterLast = reader.readCommitted(input.topic()).stream().mapToLong(KafkaRecord::offset).max().orElseThrow() + 1;
        await("group of " + groupAndInput[0] + " commits " + afterLast + " on " + input).atMost(WAIT).until(() -> {
          OffsetAndMetadata committed = admin.listConsumerGroupOffsets("baton.sensor-story." + groupAndInput[0])
              .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).get(input);
          return committed != null && committed.offset() == afterLast;
        });
      }
    }
    assertThat(CliRun.at(home, "stop", P).exitCode()).isZero();
    io.baton.flink.deploy.FlinkRest flink = new io.baton.flink.deploy.FlinkRest(endpoints.flinkWebUrl());
    await("the jobs stop").atMost(WAIT).until(() -> StopCommand.runningJobs(flink, P).isEmpty());
  }

  @Test
  @Order(7)
  void takingAStageOutOfThePipelineRemovesItsAclsAndItsLoginAndLeavesOthersAlone() throws Exception {
    Path twoStages = TestJars.jar(jars.resolve("two-stages.jar"), List.of(TwoStageSensorStory.class),
        List.of(TwoStageSensorStory.class.getName()));
    KafkaClientConfig alertsLogin = stage("alerts");
    Properties alertsClient = alertsLogin.asProperties();

    CliRun apply = CliRun.at(home, "acl", P, "--apply", "--jar", twoStages.toString());

    assertThat(apply.exitCode()).as(apply.err() + apply.out()).isZero();
    // alerts' 13 (the lineage topic's 2 among them); replay's on its dead letters (2) and its input
    // sensor-story.per-minute (3); admin's on its output and dead letters (4 each) and its group (2). The lineage topic
    // stays: the other stages write it.
    assertThat(apply.out()).contains("ACLs: 0 created, 28 removed, 61 in place. Logins: 0 created, 1 removed, 4 in place;")
        .contains("  removed ACL User:baton.sensor-story.alerts ALLOW WRITE TOPIC sensors.alerts\n",
            "  removed ACL User:baton-replay.sensor-story ALLOW READ TOPIC sensor-story.alerts.dead-letter\n",
            "  removed ACL User:baton-admin.sensor-story ALLOW DELETE GROUP baton.sensor-story.alerts\n",
            "  removed login baton.sensor-story.alerts\n");
    assertThat(aclsOf("User:baton.sensor-story.alerts")).isEmpty();
    assertThat(aclsOf("User:baton.sensor-story.per-minute")).hasSize(13);
    assertThat(allAcls()).hasSize(61 + 1).contains(analytics);
    assertThat(loginFile("baton.sensor-story.alerts")).doesNotExist();
    await("alerts can no longer log in").atMost(WAIT).untilAsserted(() -> {
      try (Admin gone = Admin.create(alertsClient)) {
        assertThatThrownBy(() -> gone.describeCluster().nodes().get(10, TimeUnit.SECONDS))
            .cause().isInstanceOf(SaslAuthenticationException.class);
      }
    });
  }

  /** The sensor story with readings and per-minute only, as if alerts had been deleted from the definition. */
  public static final class TwoStageSensorStory implements io.baton.api.PipelineDefinition {
    static Summary summarize(String sensor, List<Reading> rs) {
      return new Summary(sensor, 0L, 0L, rs.size(), 0.0, 0.0, 0.0);
    }

    @Override
    public io.baton.api.Pipeline define() {
      io.baton.api.Pipeline p = io.baton.api.Pipeline.named(P);
      io.baton.api.Stage<Reading> readings = p.source("readings", io.baton.api.Topic.of("sensors.readings",
          Reading.class).eventTime(Reading::getTimestamp, Duration.ofSeconds(5)));
      p.stage("per-minute", readings, io.baton.api.batch.Batch.every(Duration.ofMinutes(1)).keyedBy(Reading::getSensorId),
          TwoStageSensorStory::summarize);
      return p;
    }
  }

  /** hot-1 at 45 and 47 °C and cool-1 at 20 and 22 in the minute from T0, hot-1 at 30 in the next, one 500 °C. */
  private void feed() throws Exception {
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(SensorStory.READINGS_TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    try (SchemaRegistry registry = SchemaRegistry.connect(RegistryConfig.of(endpoints.registryUrl()));
         KafkaProducer<byte[], byte[]> producer = producer(Cluster.localKafka(endpoints), null)) {
      WireEncoder<Reading> encoder = WireEncoder.forSpecific(Reading.class,
          registry.register(SensorStory.READINGS_TOPIC + "-value", Reading.getClassSchema()));
      Object[][] readings = {{"hot-1", 45.0, 1}, {"hot-1", 47.0, 2}, {"cool-1", 20.0, 3}, {"cool-1", 22.0, 4},
          {"cool-1", 500.0, 5}, {"hot-1", 30.0, 70}};
      for (Object[] r : readings) {
        long at = T0 + (int) r[2] * 1_000L;
        producer.send(new ProducerRecord<>(SensorStory.READINGS_TOPIC, null, at, bytes((String) r[0]),
            encoder.encode(new Reading((String) r[0], (Double) r[1], at)))).get(30, TimeUnit.SECONDS);
      }
    }
  }

  private static void awaitLogin(KafkaClientConfig login) {
    try (Admin a = Admin.create(login.asProperties())) {
      await("login of " + login).atMost(WAIT).ignoreExceptions()
          .until(() -> !a.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty());
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(KafkaClientConfig login, String group) {
    Properties p = login.asProperties();
    p.put("group.id", group);
    p.put("auto.offset.reset", "earliest");
    p.put("enable.auto.commit", "false");
    p.put("isolation.level", "read_committed");
    return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static KafkaProducer<byte[], byte[]> producer(KafkaClientConfig login, String transactionalId) {
    Properties p = login.asProperties();
    p.put("max.block.ms", "15000");
    if (transactionalId != null) {
      p.put("transactional.id", transactionalId);
    }
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Properties load(Path file) throws Exception {
    Properties p = new Properties();
    try (java.io.Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    }
    return p;
  }
}
