package io.baton.flink.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.PipelineDefinitionException;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.schemas.sensor.Alert;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

public class PlannerTest {

  /** A small sensor pipeline with two independent stages after the source. */
  public static final class Sensors implements PipelineDefinition {
    static Summary summarize(String sensor, List<Reading> rs) {
      return new Summary(sensor, 0L, 0L, rs.size(), 0.0, 0.0, 0.0);
    }

    static Alert alert(Summary s) {
      return new Alert(s.getSensorId(), s.getWindowEnd(), s.getMeanCelsius(), "hot");
    }

    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named("sensor-test");
      Stage<Reading> readings = p.source("readings",
          Topic.of("sensors.readings", Reading.class).eventTime(Reading::getTimestamp, Duration.ofSeconds(5)));
      Stage<Summary> perMinute = p.stage("per-minute", readings,
          Batch.every(Duration.ofMinutes(1)).keyedBy(Reading::getSensorId), Sensors::summarize);
      p.stage("per-hundred", readings, Batch.count(100), Sensors::summarize).parallelism(2).lineage(false);
      Stage<Alert> alerts = p.stage("alerts", perMinute, Batch.each(), Sensors::alert);
      p.output(alerts, Topic.of("sensors.alerts", Alert.class));
      return p;
    }
  }

  @Test
  void planHasStagesInOrderWithTheGroupsThatRunTogether() {
    Plan plan = Planner.plan(new Sensors());
    assertThat(plan.stages()).extracting(PlannedStage::name)
        .containsExactly("readings", "per-minute", "per-hundred", "alerts");
    assertThat(plan.levels()).containsExactly(List.of("readings"), List.of("per-minute", "per-hundred"), List.of("alerts"));
  }

  @Test
  void eachStageIsOneJobNamedPipelineSlashStage() {
    PlannedStage perMinute = Planner.plan(new Sensors()).stage("per-minute");
    assertThat(perMinute.jobName()).isEqualTo("sensor-test/per-minute");
    assertThat(perMinute.entryClass()).isEqualTo(Planner.STAGE_JOB_CLASS);
    assertThat(perMinute.programArgs())
        .containsExactly("--definition", Sensors.class.getName(), "--stage", "per-minute");
    assertThat(perMinute.batch()).isEqualTo("Batch.every(PT1M) keyedBy sensorId");
    assertThat(perMinute.eventTime()).isEqualTo("kafka timestamp, out of order up to PT5S");
    assertThat(perMinute.inputClasses()).containsExactly(Reading.class.getName());
  }

  @Test
  void aQuietSourcesWindowClosingShowsInThePlan() {
    PipelineDefinition quiet = () -> {
      Pipeline p = Pipeline.named("quiet");
      Stage<Reading> readings = p.source("readings", Topic.of("in", Reading.class)
          .eventTime(Reading::getTimestamp, Duration.ofSeconds(5)).closeWindowsAfterIdle(Duration.ofSeconds(30)));
      p.stage("per-minute", readings, Batch.every(Duration.ofMinutes(1)), Sensors::summarize);
      return p;
    };
    assertThat(Planner.plan(quiet).stage("per-minute").eventTime())
        .isEqualTo("kafka timestamp, out of order up to PT5S, windows close after PT30S quiet");
  }

  @Test
  void aPolicyArgumentErrorIsADefinitionProblemNamingTheCall() {
    PipelineDefinition zero = () -> {
      Pipeline p = Pipeline.named("zero");
      p.stage("batches", p.source("readings", Topic.of("in", Reading.class)), Batch.count(0), Sensors::summarize);
      return p;
    };
    assertThatThrownBy(() -> Planner.plan(zero))
        .isInstanceOf(PipelineDefinitionException.class)
        .hasMessageContaining("Batch.count(..) in PlannerTest.")
        .hasMessageContaining("n must be positive, got 0. Fix: pass a valid argument to Batch.count(..)");
  }

  @Test
  void topicsAndSubjectsToCreate() {
    Plan plan = Planner.plan(new Sensors());
    assertThat(plan.topics()).extracting(PlannedTopic::name, PlannedTopic::role).contains(
        org.assertj.core.groups.Tuple.tuple("sensors.readings", "input"),
        org.assertj.core.groups.Tuple.tuple("sensor-test.per-minute", "handoff"),
        org.assertj.core.groups.Tuple.tuple("sensors.alerts", "output"),
        org.assertj.core.groups.Tuple.tuple("sensor-test.per-hundred", "output"),
        org.assertj.core.groups.Tuple.tuple("sensor-test.alerts.dead-letter", "dead-letter"));
    assertThat(plan.topics().stream().filter(t -> !t.created())).extracting(PlannedTopic::name)
        .containsExactly("sensors.readings");
    assertThat(plan.subjects()).extracting(PlannedSubject::subject).containsExactly(
        "sensor-test.readings-value", "sensor-test.per-minute-value", "sensor-test.per-hundred-value", "sensors.alerts-value");
    assertThat(plan.schema(Alert.class.getName())).isEqualTo(Alert.getClassSchema());
  }

  @Test
  void thePipelinesLineageTopicIsPlannedCompactedWithItsPartitions() {
    Plan plan = Planner.plan(new Sensors());

    assertThat(plan.topics()).filteredOn(t -> t.role().equals("lineage")).singleElement().satisfies(t -> {
      assertThat(t.name()).isEqualTo("sensor-test.lineage");
      assertThat(t.partitions()).isEqualTo(4);
      assertThat(t.configs()).isEqualTo(java.util.Map.of("cleanup.policy", "compact"));
      assertThat(t.created()).isTrue();
    });
    assertThat(PlanText.render(plan))
        .contains("sensor-test.lineage  (lineage, written by every stage with lineage on, 4 partitions, cleanup.policy=compact)");
  }

  @Test
  void aStageMayNotWriteTheLineageTopic() {
    PipelineDefinition clash = () -> {
      Pipeline p = Pipeline.named("clash");
      p.source("lineage", Topic.of("clash.in", Reading.class));
      return p;
    };
    assertThatThrownBy(() -> Planner.plan(clash)).isInstanceOf(PipelineDefinitionException.class)
        .hasMessageContaining("writes topic 'clash.lineage', the pipeline's lineage topic");
  }

  @Test
  void textShowsTheDagPoliciesAndGroups() {
    String text = PlanText.render(Planner.plan(new Sensors()));
    assertThat(text)
        .contains("sensors.readings → [readings] → sensor-test.readings")
        .contains("[per-minute] → [alerts] → sensors.alerts")
        .contains("batch      Batch.every(PT1M) keyedBy sensorId")
        .contains("2. per-minute, per-hundred")
        .contains("per-hundred  (stage, job 'sensor-test/per-hundred', parallelism 2, exactly-once)");
  }

  @Test
  void textShowsTheDefaultRecordLimitWhereNoneIsSet() {
    Plan plan = Planner.plan(new Sensors());
    String text = PlanText.render(plan);
    assertThat(plan.stage("per-minute").accept()).isEqualTo("Accept.schema()");
    assertThat(text.substring(text.indexOf("  per-minute  ("), text.indexOf("  per-hundred  (")))
        .contains("    accept     Accept.schema()  maxRecordBytes 1048576 (default)\n");
  }

  @Test
  void jsonRoundTrips() {
    Plan plan = Planner.plan(new Sensors());
    assertThat(PlanJson.parse(PlanJson.render(plan))).isEqualTo(plan);
  }

  @Test
  void aStageWithLineageOffShowsSoInTextAndJson() {
    Plan plan = Planner.plan(new Sensors());
    assertThat(plan.stage("per-hundred").lineage()).isFalse();
    assertThat(plan.stage("per-minute").lineage()).isTrue();
    String text = PlanText.render(plan);
    assertThat(text.substring(text.indexOf("  per-minute  ("), text.indexOf("  per-hundred  (")))
        .contains("    lineage    on, version 1\n");
    assertThat(text.substring(text.indexOf("  per-hundred  (")))
        .contains("    lineage    off (outputs do not name their inputs)\n");
    String json = PlanJson.render(plan);
    assertThat(json).contains("\"lineage\" : false").contains("\"lineage\" : true");
    assertThat(PlanJson.parse(json).stage("per-hundred").lineage()).isFalse();
  }

  @Test
  void eachTopicNamesTheStageThatWritesIt() {
    Plan plan = Planner.plan(new Sensors());
    assertThat(plan.writerOf("sensor-test.per-minute")).map(PlannedStage::name).contains("per-minute");
    assertThat(plan.writerOf("sensors.alerts")).map(PlannedStage::name).contains("alerts");
    assertThat(plan.writerOf("sensor-test.per-minute")).get().extracting(PlannedStage::inputTopics)
        .isEqualTo(List.of("sensor-test.readings"));
    assertThat(plan.writerOf("sensors.readings")).isEmpty();
  }

  @Test
  void invalidDefinitionIsRefusedBeforePlanning() {
    PipelineDefinition broken = () -> {
      Pipeline p = Pipeline.named("broken");
      p.source("readings", Topic.of("in", Reading.class));
      p.stage("per-minute", p.<Reading>ref("readings"), Batch.every(Duration.ofMinutes(1)), Sensors::summarize);
      return p;
    };
    assertThatThrownBy(() -> Planner.plan(broken))
        .isInstanceOf(PipelineDefinitionException.class)
        .hasMessageContaining("stage 'per-minute': Batch.every(PT1M) waits in event time");
  }
}
