package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.connectors.TopicReader;
import io.baton.flink.deploy.FlinkRest;
import io.baton.schemas.BasicAuthProxy;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.wire.WireEncoder;
import io.baton.schemas.sensor.Reading;
import io.baton.stack.Ports;
import io.baton.stack.StackEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real local stack ({@code baton up} on free ports) whose registry demands basic auth (its Apicurio
 * behind {@link BasicAuthProxy}): {@code baton run} refuses wrong credentials before starting anything;
 * with the right ones the stage jobs on the task manager decode and encode through the proxy, reading the
 * credentials from the file under the stack's home, and the Flink REST API never shows the password.
 */
class RegistryAuthCliIT {
  private static final String PASSWORD = "pw-" + UUID.randomUUID();
  private static final String REFUSED = "refused the credentials (401); set --registry-basic-auth or BATON_REGISTRY_BASIC_AUTH";

  @TempDir
  Path home;

  private final Ports ports = Ports.freeEphemeral();
  private final StackEndpoints endpoints = StackEndpoints.of(ports);

  @AfterEach
  void neverLeaveServersBehind() {
    CliRun.at(home, "down");
  }

  private CliRun baton(String... args) {
    return CliRun.at(home, args);
  }

  @Test
  void credentialsReachTheStageJobsThroughAFileAndAreRefusedClearlyWhenWrong() throws Exception {
    assertThat(CliRun.up(home, ports).exitCode()).isZero();
    FlinkRest flink = new FlinkRest(endpoints.flinkWebUrl());
    try (BasicAuthProxy proxy = BasicAuthProxy.start(endpoints.registryUrl(), "baton", PASSWORD)) {
      CliRun refused = baton("run", "sensor-story", "--registry-url", proxy.url(), "--registry-basic-auth", "baton:wrong");
      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(refused.err()).startsWith("baton: registry at " + proxy.url() + " " + REFUSED + " (sent: user 'baton'; ");
      assertThat(flink.jobs()).isEmpty();

      CliRun run = baton("run", "sensor-story", "--registry-url", proxy.url(), "--registry-basic-auth", "baton:" + PASSWORD);
      assertThat(run.exitCode()).as(run.err()).isZero();
      feedOneGoodAndOneOutOfRangeReading();
      try (TopicReader reader = new TopicReader(endpoints.kafkaBootstrapServers())) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
            .until(() -> reader.readCommitted("sensor-story.readings").size() == 1
                && reader.readCommitted("sensor-story.readings.dead-letter").size() == 1);
      }
      assertThat(proxy.refused()).isEqualTo(1);

      Path file = home.resolve("jobs/sensor-story.registry.properties");
      assertThat(Files.readString(file)).contains(PASSWORD);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      for (FlinkRest.Job job : flink.jobs()) {
        for (String path : new String[] {"", "/config", "/plan", "/jobmanager/config"}) {
          assertThat(flink.get("/jobs/" + job.id() + path).toString()).as(job.name() + path).doesNotContain(PASSWORD);
        }
      }

      CliRun letters = baton("dead-letters", "sensor-story", "--registry-url", proxy.url(),
          "--registry-basic-auth", "baton:" + PASSWORD);
      assertThat(letters.out()).contains("\"celsius\":500.0").contains("1 dead letter in sensor-story");
      CliRun noCredentials = baton("dead-letters", "sensor-story", "--registry-url", proxy.url());
      assertThat(noCredentials.exitCode()).isEqualTo(1);
      assertThat(noCredentials.err()).startsWith("baton: registry at " + proxy.url() + " " + REFUSED + " (sent: no credentials; ");
    } finally {
      baton("stop", "sensor-story");
    }
  }

  private void feedOneGoodAndOneOutOfRangeReading() throws Exception {
    long now = System.currentTimeMillis();
    try (SchemaRegistry registry = SchemaRegistry.connect(RegistryConfig.of(endpoints.registryUrl()));
         KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()),
             new ByteArraySerializer(), new ByteArraySerializer())) {
      WireEncoder<Reading> encoder = WireEncoder.forSpecific(Reading.class,
          registry.register("sensors.readings-value", Reading.getClassSchema()));
      producer.send(new ProducerRecord<>("sensors.readings", encoder.encode(new Reading("s-1", 21.5, now)))).get();
      producer.send(new ProducerRecord<>("sensors.readings", encoder.encode(new Reading("s-2", 500.0, now)))).get();
    }
  }
}
