package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.connectors.KafkaRecord;
import io.baton.connectors.TopicReader;
import io.baton.flink.deploy.FlinkRest;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.wire.WireEncoder;
import io.baton.stack.Ports;
import io.baton.stack.StackEndpoints;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded run of the sensor story through a context that is not {@code local} but names the servers of a real local
 * stack ({@code baton up} on free ports), with Kafka client settings that show where they arrive: the topics are
 * created with the context's partitions and configs; the stage jobs' sinks (handoff and dead letters) spread one key
 * over every partition, which only the context's {@code partitioner.class} does; a secret referenced by the context
 * reaches the jobs only through the owner-only file, never their arguments; and a context whose Kafka settings ask for
 * a SASL login this plain broker does not offer fails {@code dead-letters} (a consumer) and {@code reset} (the admin)
 * with one line naming the context and the setting.
 */
class ContextIT {
  private static final int GOOD = 12;
  private static final int OUT_OF_RANGE = 6;
  private static final int PARTITIONS = 3;
  private static final String SECRET = "truststore-" + UUID.randomUUID();

  @TempDir
  Path home;

  @TempDir
  Path config;

  private final Ports ports = Ports.freeEphemeral();
  private final StackEndpoints endpoints = StackEndpoints.of(ports);

  @AfterEach
  void neverLeaveServersBehind() {
    TestContextsFile.restore();
    CliRun.at(home, "down");
  }

  private CliRun baton(String... args) {
    return CliRun.at(home, args);
  }

  @Test
  void aBoundedRunThroughAContextGivesItsSettingsToTheAdminTheStageJobsAndTheReaders() throws Exception {
    assertThat(CliRun.up(home, ports).exitCode()).isZero();
    writeContexts();
    feed();

    CliRun run = baton("run", "sensor-story", "--bounded", "--context", "kit");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).doesNotContain(SECRET);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()))) {
      TopicDescription handoff = admin.describeTopics(List.of("sensor-story.readings")).allTopicNames()
          .get(30, TimeUnit.SECONDS).get("sensor-story.readings");
      assertThat(handoff.partitions()).as("the context's topics.partitions").hasSize(PARTITIONS);
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "sensor-story.readings");
      Config topicConfig = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
      assertThat(topicConfig.get("retention.ms").value()).as("the context's topics.configs").isEqualTo("86400000");
    }
    try (TopicReader reader = new TopicReader(endpoints.kafkaBootstrapServers())) {
      List<KafkaRecord> accepted = reader.readCommitted("sensor-story.readings");
      List<KafkaRecord> rejected = reader.readCommitted("sensor-story.readings.dead-letter");
      assertThat(accepted).hasSize(GOOD);
      assertThat(rejected).hasSize(OUT_OF_RANGE);
      for (List<KafkaRecord> written : List.of(accepted, rejected)) {
        assertThat(keys(written)).as("one key: Kafka's default partitioner would write one partition").hasSize(1);
        assertThat(partitions(written)).as("round robin, from the context's partitioner.class")
            .containsExactlyInAnyOrder(0, 1, 2);
      }
    }
    Path jobFile = home.resolve("jobs/sensor-story.kafka.properties");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(jobFile))).isEqualTo("rw-------");
    assertThat(Files.readString(jobFile)).contains(SECRET).contains("RoundRobinPartitioner");
    FlinkRest flink = new FlinkRest(endpoints.flinkWebUrl());
    assertThat(flink.jobs()).as("one job per stage").hasSize(3);
    for (FlinkRest.Job job : flink.jobs()) {
      for (String path : new String[] {"", "/config", "/plan"}) {
        assertThat(flink.get("/jobs/" + job.id() + path).toString()).as(job.name() + path).doesNotContain(SECRET);
      }
    }

    CliRun letters = baton("dead-letters", "sensor-story", "--context", "kit");
    assertThat(letters.exitCode()).as(letters.err()).isZero();
    assertThat(letters.out()).contains(OUT_OF_RANGE + " dead letters in sensor-story");

    CliRun saslReader = baton("dead-letters", "sensor-story", "--context", "kit-sasl");
    CliRun saslAdmin = baton("reset", "sensor-story", "--context", "kit-sasl");
    String refused = "baton: context 'kit-sasl': Kafka at " + endpoints.kafkaBootstrapServers() + " refused the login (SASL/PLAIN: ";
    for (CliRun failed : List.of(saslReader, saslAdmin)) {
      assertThat(failed.exitCode()).isEqualTo(ExitCodes.FAILED);
      assertThat(failed.err()).startsWith(refused).endsWith("); check contexts.kit-sasl.kafka.properties.sasl.jaas.config in "
          + config.resolve("config.yaml") + "\n").doesNotContain(SECRET);
      assertThat(failed.err().lines()).hasSize(1);
    }
  }

  private void writeContexts() throws Exception {
    Path secret = config.resolve("truststore-password");
    Files.writeString(secret, SECRET + "\n");
    String servers = """
          flink: {rest: "%s", jobFiles: "%s"}
          registry: {url: "%s"}
        """.formatted(endpoints.flinkWebUrl(), home.resolve("jobs"), endpoints.registryUrl());
    Files.writeString(config.resolve("config.yaml"), """
        contexts:
          kit:
        %s
            kafka:
              bootstrap: "%s"
              properties:
                partitioner.class: org.apache.kafka.clients.producer.RoundRobinPartitioner
                ssl.truststore.password: ${file:%s}
            topics:
              partitions: %d
              configs: {retention.ms: 86400000}
          kit-sasl:
        %s
            kafka:
              bootstrap: "%s"
              properties:
                security.protocol: SASL_PLAINTEXT
                sasl.mechanism: PLAIN
                sasl.jaas.config: org.apache.kafka.common.security.plain.PlainLoginModule required username="baton" password="${file:%s}";
        """.formatted(servers.indent(2).stripTrailing(), endpoints.kafkaBootstrapServers(), secret, PARTITIONS,
        servers.indent(2).stripTrailing(), endpoints.kafkaBootstrapServers(), secret));
    TestContextsFile.use(config.resolve("config.yaml"));
  }

  /** One sensor, a reading a second: good ones and out-of-range ones, all under the key s-1. */
  private void feed() throws Exception {
    long start = System.currentTimeMillis() - 60_000;
    try (SchemaRegistry registry = SchemaRegistry.connect(RegistryConfig.of(endpoints.registryUrl()));
         KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
             endpoints.kafkaBootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
      WireEncoder<Reading> encoder = WireEncoder.forSpecific(Reading.class,
          registry.register("sensors.readings-value", Reading.getClassSchema()));
      byte[] key = "s-1".getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < GOOD + OUT_OF_RANGE; i++) {
        double celsius = i < GOOD ? 20 + i : 500;
        long at = start + i * 1_000L;
        producer.send(new ProducerRecord<>("sensors.readings", null, at, key, encoder.encode(new Reading("s-1", celsius, at))));
      }
      producer.flush();
    }
  }

  private static Set<String> keys(List<KafkaRecord> records) {
    return records.stream().map(r -> r.key() == null ? "<null>" : new String(r.key(), StandardCharsets.UTF_8))
        .collect(Collectors.toSet());
  }

  private static Set<Integer> partitions(List<KafkaRecord> records) {
    return records.stream().map(KafkaRecord::partition).collect(Collectors.toSet());
  }
}
