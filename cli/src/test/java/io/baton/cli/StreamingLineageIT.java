package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.flink.deploy.FlinkRest;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.wire.WireEncoder;
import io.baton.stack.Ports;
import io.baton.stack.StackEndpoints;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.OpenLineageClientUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming stage jobs on the real local stack (free ports, temporary state folder) end with an OpenLineage event
 * written by the JobManager to the same file as the CLI's START: one stage stopped with a savepoint (ABORT), one
 * cancelled (ABORT), one failed by a poison record its function refuses without restarts (FAIL, with the error).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamingLineageIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String PIPELINE = "ends";
  // Three stage jobs: the source, a copy of it and a check that refuses the poison reading without restarts.
  private static final String DEFINITION = """
      package ends;
      import io.baton.api.*;
      import io.baton.api.batch.Batch;
      import io.baton.schemas.sensor.Reading;
      public final class Ends implements PipelineDefinition {
        public Pipeline define() {
          Pipeline p = Pipeline.named("ends");
          Stage<Reading> in = p.source("in", Topic.of("ends-input", Reading.class));
          p.stage("copy", in, Batch.each(), Ends::same);
          p.stage("boom", in, Batch.each(), Ends::check);
          return p;
        }
        static Reading same(Reading r) {
          return r;
        }
        static Reading check(Reading r) {
          if (String.valueOf(r.getSensorId()).equals("poison")) {
            throw new org.apache.flink.runtime.execution.SuppressRestartsException(
                new IllegalStateException("poison reading " + r.getSensorId()));
          }
          return r;
        }
      }
      """;

  @TempDir
  static Path home;

  private final Ports ports = Ports.freeEphemeral();
  private final StackEndpoints endpoints = StackEndpoints.of(ports);
  private Path jar;

  @BeforeAll
  void upWithTheInputTopicAndItsSchema() throws Exception {
    jar = PipelineVariants.jar(home.resolve("ends"), Map.of("ends.Ends", DEFINITION), "ends.Ends",
        List.of(Path.of(SuppressRestartsException.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString()));
    CliRun up = CliRun.up(home, ports);
    assertThat(up.exitCode()).as(up.err()).isZero();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic("ends-input", 1, (short) 1))).all().get();
    }
  }

  @AfterAll
  void down() {
    CliRun.at(home, "down");
  }

  private void produce(String sensor) throws Exception {
    int id;
    try (SchemaRegistry registry = SchemaRegistry.connect(RegistryConfig.of(endpoints.registryUrl()))) {
      id = registry.register("ends-input-value", Reading.getClassSchema());
    }
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>("ends-input", sensor.getBytes(StandardCharsets.UTF_8),
          WireEncoder.forSpecific(Reading.class, id).encode(new Reading(sensor, 20.0, 1_767_225_600_000L)))).get();
    }
  }

  private static UUID runIdOf(String flinkJobId) {
    return UUID.fromString(flinkJobId.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
  }

  private List<RunEvent> events() throws Exception {
    Path file = home.resolve("lineage/openlineage.jsonl");
    return Files.exists(file) ? Files.readAllLines(file).stream().map(OpenLineageClientUtils::runEventFromJson).toList()
        : List.of();
  }

  @Test
  void eachStreamingStageJobEndsWithTheEventOfHowItEnded() throws Exception {
    produce("fine");
    CliRun run = CliRun.at(home, "run", PIPELINE, "--jar", jar.toString());
    assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
    FlinkRest flink = new FlinkRest(endpoints.flinkWebUrl());
    Map<String, String> jobIds = flink.jobs().stream().filter(j -> j.name().startsWith(PIPELINE + "/"))
        .collect(Collectors.toMap(j -> j.name().substring(PIPELINE.length() + 1), FlinkRest.Job::id));
    assertThat(jobIds.keySet()).containsExactlyInAnyOrder("in", "copy", "boom");
    await("every stage job runs").atMost(WAIT)
        .until(() -> jobIds.values().stream().allMatch(id -> state(flink, id).equals("RUNNING")));

    produce("poison");
    await("boom fails without restarting").atMost(WAIT).until(() -> state(flink, jobIds.get("boom")).equals("FAILED"));
    String trigger = flink.stopWithSavepoint(jobIds.get("in"), null, false);
    await("in stops with a savepoint").atMost(WAIT)
        .until(() -> flink.savepointStatus(jobIds.get("in"), trigger).path("status").path("id").asText().equals("COMPLETED"));
    flink.cancel(jobIds.get("copy"));

    Map<String, EventType> ends = Map.of("in", EventType.ABORT, "copy", EventType.ABORT, "boom", EventType.FAIL);
    await("an end event per stage job").atMost(WAIT).until(() -> events().size() == 2 * ends.size());
    List<RunEvent> events = events();
    for (Map.Entry<String, EventType> end : ends.entrySet()) {
      String name = PIPELINE + "." + end.getKey();
      List<RunEvent> ofStage = events.stream().filter(e -> e.getJob().getName().equals(name)).toList();
      assertThat(ofStage).as(name).extracting(RunEvent::getEventType).containsExactly(EventType.START, end.getValue());
      assertThat(ofStage).as(name).allSatisfy(e -> {
        assertThat(e.getRun().getRunId()).isEqualTo(runIdOf(jobIds.get(end.getKey())));
        assertThat(e.getJob().getNamespace()).isEqualTo("baton");
      });
      assertThat(ofStage.get(1).getEventTime()).as(name).isAfterOrEqualTo(ofStage.get(0).getEventTime());
    }
    RunEvent fail = events.stream().filter(e -> e.getEventType() == EventType.FAIL).findFirst().orElseThrow();
    assertThat(fail.getRun().getFacets().getErrorMessage().getMessage()).contains("poison reading poison");
    assertThat(events.stream().filter(e -> e.getEventType() != EventType.FAIL))
        .allSatisfy(e -> assertThat(e.getRun().getFacets().getErrorMessage()).isNull());
  }

  private static String state(FlinkRest flink, String jobId) {
    try {
      return flink.state(jobId);
    } catch (java.io.IOException e) {
      return "unknown: " + e.getMessage();
    }
  }
}
