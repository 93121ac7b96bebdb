package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.baton.flink.deploy.FlinkRest;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.Planner;
import io.baton.flink.plan.PlannedStage;
import io.baton.stack.Ports;
import io.baton.stack.StackEndpoints;
import io.openlineage.client.OpenLineage.Dataset;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.OpenLineageClientUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baton run --bounded} on the real local stack (free ports, temporary state folder) writes each stage job's
 * OpenLineage START and COMPLETE to the stack's file transport, {@code <home>/lineage/openlineage.jsonl}, the run id
 * being the Flink job id the session cluster reports for that stage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenLineageStackIT {
  private static final String PIPELINE = "nexmark-highest-bid";

  @TempDir
  static Path home;

  private final Ports ports = Ports.freeEphemeral();
  private final StackEndpoints endpoints = StackEndpoints.of(ports);

  @AfterAll
  void neverLeaveServersBehind() {
    baton("down");
  }

  private CliRun baton(String... command) {
    String[] args = java.util.Arrays.copyOf(command, command.length + 2);
    args[command.length] = "--home";
    args[command.length + 1] = home.toString();
    return CliRun.of(args);
  }

  @Test
  @Order(1)
  void upOnFreePorts() {
    CliRun up = CliRun.up(home, ports);
    assertThat(up.exitCode()).as(up.err()).isZero();
  }

  @Test
  @Order(2)
  void aBoundedRunWritesAStartAndACompletePerStageJobWithItsTopics() throws Exception {
    CliRun feed = baton("feed", "nexmark", "--events", "500", "--seed", "3");
    assertThat(feed.exitCode()).as(feed.err()).isZero();
    CliRun run = baton("run", PIPELINE, "--bounded");
    assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
    assertThat(run.out()).contains("OpenLineage run events: LineageSettings.toFile(" + home.resolve("lineage/openlineage.jsonl"));

    Plan plan;
    try (JobJar jar = JobJar.open(null)) {
      plan = Planner.plan(jar.definition(PIPELINE));
    }
    // The cluster's own record of the run: each stage's Flink job id, by stage.
    Map<String, String> jobIds = new FlinkRest(endpoints.flinkWebUrl()).jobs().stream()
        .filter(j -> j.name().startsWith(PIPELINE + "/") && j.state().equals("FINISHED"))
        .collect(Collectors.toMap(j -> j.name().substring(PIPELINE.length() + 1), FlinkRest.Job::id));
    assertThat(jobIds.keySet()).containsExactlyInAnyOrderElementsOf(plan.stages().stream().map(PlannedStage::name).toList());

    List<RunEvent> events = Files.readAllLines(home.resolve("lineage/openlineage.jsonl")).stream()
        .map(OpenLineageClientUtils::runEventFromJson).toList();
    assertThat(events).hasSize(2 * plan.stages().size());
    String kafka = "kafka://" + endpoints.kafkaBootstrapServers().split(",")[0];
    for (PlannedStage stage : plan.stages()) {
      String name = PIPELINE + "." + stage.name();
      List<RunEvent> ofStage = events.stream().filter(e -> e.getJob().getName().equals(name)).toList();
      assertThat(ofStage).as(name).extracting(RunEvent::getEventType).containsExactly(EventType.START, EventType.COMPLETE);
      UUID runId = UUID.fromString(jobIds.get(stage.name()).replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
      assertThat(ofStage).as(name).allSatisfy(e -> {
        assertThat(e.getRun().getRunId()).isEqualTo(runId);
        assertThat(e.getJob().getNamespace()).isEqualTo("baton");
        assertThat(e.getInputs()).extracting(Dataset::getNamespace, Dataset::getName)
            .containsExactlyElementsOf(stage.inputTopics().stream().map(t -> tuple(kafka, t)).toList());
        assertThat(e.getOutputs()).extracting(Dataset::getName).containsExactly(stage.outputTopic(), stage.deadLetterTopic());
        assertThat(e.getOutputs().get(0).getFacets().getSchema().getFields()).extracting(f -> f.getName())
            .containsExactlyElementsOf(plan.schema(stage.outputClass()).getFields().stream().map(f -> f.name()).toList());
      });
    }
  }
}
