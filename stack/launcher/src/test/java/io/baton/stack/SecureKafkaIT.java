package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secure stack's broker ({@code up --secure}), started once for these tests from stack/kafka-runtime on free
 * ports: the admin works through the client properties file the stack writes, transactions commit (the broker's own
 * inter-broker connection authenticates with SCRAM too), a wrong password and a client without SASL get nothing, and
 * an authenticated user without ACLs is denied until an ACL allows it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureKafkaIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  static Path home;

  private StackConfig config;
  private ThrowawayKafka kafka;
  private ScramClient admin;
  private StackEndpoints endpoints;

  @BeforeAll
  void startSecureBroker() throws Exception {
    config = StackConfig.builder().repo(RepoRoot.locate()).home(home).ports(Ports.freeEphemeral()).secure(true).build();
    kafka = ThrowawayKafka.start(config);
    admin = kafka.admin().orElseThrow();
    endpoints = kafka.endpoints();
  }

  @AfterAll
  void stopBroker() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
  }

  private Map<String, Object> clientConfig(Map<String, String> security) {
    Map<String, Object> c = new HashMap<>();
    c.put("bootstrap.servers", endpoints.kafkaBootstrapServers());
    c.putAll(security);
    return c;
  }

  private KafkaProducer<String, String> producer(Map<String, Object> base, Map<String, Object> extra) {
    Map<String, Object> c = new HashMap<>(base);
    c.put("key.serializer", StringSerializer.class.getName());
    c.put("value.serializer", StringSerializer.class.getName());
    c.put("max.block.ms", "10000");
    c.putAll(extra);
    return new KafkaProducer<>(c);
  }

  private List<String> consumeAll(String topic, int n, String isolation) {
    Map<String, Object> c = new HashMap<>(endpoints.kafkaClientConfig());
    c.put("key.deserializer", StringDeserializer.class.getName());
    c.put("value.deserializer", StringDeserializer.class.getName());
    c.put("group.id", "it-" + topic);
    c.put("auto.offset.reset", "earliest");
    c.put("isolation.level", isolation);
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
      consumer.subscribe(List.of(topic));
      Instant deadline = Instant.now().plus(WAIT);
      while (values.size() < n && Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          values.add(r.value());
        }
      }
    }
    return values;
  }

  private void createTopic(String name) throws Exception {
    try (Admin a = Admin.create(endpoints.kafkaClientConfig())) {
      a.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
  }

  private static Throwable cause(Throwable e) {
    return e instanceof ExecutionException ? e.getCause() : e;
  }

  @Test
  void theAdminFromTheClientPropertiesFileCreatesATopicProducesAndConsumes() throws Exception {
    createTopic("secure.plain-records");
    try (KafkaProducer<String, String> p = producer(endpoints.kafkaClientConfig(), Map.of())) {
      for (int i = 0; i < 5; i++) {
        p.send(new ProducerRecord<>("secure.plain-records", "k", "v" + i)).get(30, TimeUnit.SECONDS);
      }
    }
    assertThat(consumeAll("secure.plain-records", 5, "read_uncommitted")).containsExactly("v0", "v1", "v2", "v3", "v4");
  }

  @Test
  void transactionsCommitSoTheBrokersOwnScramConnectionWorks() throws Exception {
    // Commit markers travel from the transaction coordinator over the inter-broker listener, here the SCRAM one.
    createTopic("secure.transactional");
    try (KafkaProducer<String, String> p = producer(endpoints.kafkaClientConfig(), Map.of("transactional.id", "it-tx"))) {
      p.initTransactions();
      p.beginTransaction();
      for (int i = 0; i < 3; i++) {
        p.send(new ProducerRecord<>("secure.transactional", "k", "t" + i));
      }
      p.commitTransaction();
    }
    assertThat(consumeAll("secure.transactional", 3, "read_committed")).containsExactly("t0", "t1", "t2");
  }

  @Test
  void aWrongPasswordFailsWithAnAuthenticationError() {
    try (Admin wrong = Admin.create(clientConfig(ScramClient.of(StackSecrets.ADMIN, "not-the-password").properties()))) {
      assertThatThrownBy(() -> wrong.listTopics().names().get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(SaslAuthenticationException.class)
          .hasMessageContaining("invalid credentials with SASL mechanism SCRAM-SHA-512");
    }
  }

  @Test
  void aClientWithoutSaslGetsNoAnswerOnEitherPort() {
    Map<String, Object> brokerPort = Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers());
    Map<String, Object> controller = Map.of("bootstrap.controllers", "127.0.0.1:" + config.ports().kafkaController());
    for (Map<String, Object> plain : List.of(brokerPort, controller)) {
      try (Admin anonymous = Admin.create(plain)) {
        assertThatThrownBy(() -> anonymous.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
            .clusterId().get(10, TimeUnit.SECONDS))
            .as("no answer at %s", plain)
            .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TimeoutException.class);
      }
    }
  }

  @Test
  void anAuthenticatedUserWithoutAclsIsDeniedUntilAnAclAllowsIt() throws Exception {
    String topic = "secure.owned-by-admin";
    createTopic(topic);
    try (Admin a = Admin.create(endpoints.kafkaClientConfig())) {
      a.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion("reader",
          new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), "reader-password"))).all().get(30, TimeUnit.SECONDS);
    }
    Map<String, Object> reader = clientConfig(ScramClient.of("reader", "reader-password").properties());
    // The new credential reaches the broker's authenticator through the metadata log: wait until it signs in.
    try (Admin readerAdmin = Admin.create(reader)) {
      await("reader signs in").atMost(WAIT).ignoreExceptions().until(() ->
          !readerAdmin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty());
      assertThat(readerAdmin.listTopics().names().get(30, TimeUnit.SECONDS)).as("topics reader may describe").isEmpty();
    }
    try (KafkaProducer<String, String> p = producer(reader, Map.of())) {
      assertThatThrownBy(() -> p.send(new ProducerRecord<>(topic, "k", "denied")).get(30, TimeUnit.SECONDS))
          .satisfies(e -> assertThat(cause(e)).isInstanceOf(TopicAuthorizationException.class)
              .hasMessageContaining(topic));
    }

    try (Admin a = Admin.create(endpoints.kafkaClientConfig())) {
      a.createAcls(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
          new AccessControlEntry("User:reader", "*", AclOperation.WRITE, AclPermissionType.ALLOW))))
          .all().get(30, TimeUnit.SECONDS);
    }
    await("reader may write once the ACL is there").atMost(WAIT).ignoreExceptions().until(() -> {
      try (KafkaProducer<String, String> p = producer(reader, Map.of())) {
        return p.send(new ProducerRecord<>(topic, "k", "allowed")).get(10, TimeUnit.SECONDS) != null;
      }
    });
    assertThat(consumeAll(topic, 1, "read_uncommitted")).containsExactly("allowed");
  }

  @Test
  void thePasswordLivesInOwnerOnlyFilesNeverInTheLogOrACommandLine() throws Exception {
    for (Path f : List.of(config.layout().adminPassword(), config.layout().adminClientProperties(),
        config.layout().kafkaDir().resolve("server.properties"))) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString()).isEqualTo("rw-------");
    }
    assertThat(config.layout().kafkaDir().resolve("format.args")).as("the format tool's argument file").doesNotExist();
    assertThat(Files.readString(config.layout().logFile(Component.KAFKA)))
        .contains("Kafka Server started").doesNotContain(admin.password());
    assertThat(kafka.process().handle().info().commandLine().orElse("")).contains("kafka.Kafka").doesNotContain(admin.password());
    assertThat(Set.copyOf(List.of(Files.readString(config.layout().kafkaSecurityFile()).split("\n"))))
        .contains("security=scram");
  }
}
