package io.baton.examples.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.flink.access.Access;
import io.baton.flink.access.AccessModel;
import io.baton.flink.access.Acl;
import io.baton.flink.plan.Planner;
import java.util.List;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/**
 * The sensor story's ACLs, written out by hand from its topology: sensors.readings → readings → per-minute → alerts →
 * sensors.alerts, every stage with lineage on (so each may write sensor-story.lineage).
 */
class SensorStoryAccessTest {

  private final AccessModel access = AccessModel.of(Planner.plan(new SensorStory()));

  @Test
  void onePrincipalPerStageThenReplayAndAdmin() {
    assertThat(access.principals()).extracting(Access::user).containsExactly("baton.sensor-story.readings",
        "baton.sensor-story.per-minute", "baton.sensor-story.alerts", "baton-replay.sensor-story",
        "baton-admin.sensor-story");
  }

  @Test
  void theSourceReadsTheOutsideTopicAndWritesItsHandoffDeadLettersAndLineage() {
    assertThat(texts(access.stage("readings"))).containsExactlyInAnyOrder(
        "User:baton.sensor-story.readings ALLOW READ TOPIC sensors.readings",
        "User:baton.sensor-story.readings ALLOW DESCRIBE TOPIC sensors.readings",
        "User:baton.sensor-story.readings ALLOW READ GROUP baton.sensor-story.readings",
        "User:baton.sensor-story.readings ALLOW WRITE TOPIC sensor-story.readings",
        "User:baton.sensor-story.readings ALLOW DESCRIBE TOPIC sensor-story.readings",
        "User:baton.sensor-story.readings ALLOW WRITE TOPIC sensor-story.readings.dead-letter",
        "User:baton.sensor-story.readings ALLOW DESCRIBE TOPIC sensor-story.readings.dead-letter",
        "User:baton.sensor-story.readings ALLOW WRITE TOPIC sensor-story.lineage",
        "User:baton.sensor-story.readings ALLOW DESCRIBE TOPIC sensor-story.lineage",
        "User:baton.sensor-story.readings ALLOW WRITE TRANSACTIONAL_ID baton.sensor-story.readings.handoff*",
        "User:baton.sensor-story.readings ALLOW DESCRIBE TRANSACTIONAL_ID baton.sensor-story.readings.handoff*",
        "User:baton.sensor-story.readings ALLOW WRITE TRANSACTIONAL_ID baton.sensor-story.readings.dead-letter*",
        "User:baton.sensor-story.readings ALLOW DESCRIBE TRANSACTIONAL_ID baton.sensor-story.readings.dead-letter*");
  }

  @Test
  void theMiddleStageReadsOnlyTheHandoffBeforeIt() {
    assertThat(texts(access.stage("per-minute"))).containsExactlyInAnyOrder(
        "User:baton.sensor-story.per-minute ALLOW READ TOPIC sensor-story.readings",
        "User:baton.sensor-story.per-minute ALLOW DESCRIBE TOPIC sensor-story.readings",
        "User:baton.sensor-story.per-minute ALLOW READ GROUP baton.sensor-story.per-minute",
        "User:baton.sensor-story.per-minute ALLOW WRITE TOPIC sensor-story.per-minute",
        "User:baton.sensor-story.per-minute ALLOW DESCRIBE TOPIC sensor-story.per-minute",
        "User:baton.sensor-story.per-minute ALLOW WRITE TOPIC sensor-story.per-minute.dead-letter",
        "User:baton.sensor-story.per-minute ALLOW DESCRIBE TOPIC sensor-story.per-minute.dead-letter",
        "User:baton.sensor-story.per-minute ALLOW WRITE TOPIC sensor-story.lineage",
        "User:baton.sensor-story.per-minute ALLOW DESCRIBE TOPIC sensor-story.lineage",
        "User:baton.sensor-story.per-minute ALLOW WRITE TRANSACTIONAL_ID baton.sensor-story.per-minute.handoff*",
        "User:baton.sensor-story.per-minute ALLOW DESCRIBE TRANSACTIONAL_ID baton.sensor-story.per-minute.handoff*",
        "User:baton.sensor-story.per-minute ALLOW WRITE TRANSACTIONAL_ID baton.sensor-story.per-minute.dead-letter*",
        "User:baton.sensor-story.per-minute ALLOW DESCRIBE TRANSACTIONAL_ID baton.sensor-story.per-minute.dead-letter*");
  }

  @Test
  void theLastStageWritesThePipelinesNamedOutput() {
    assertThat(texts(access.stage("alerts"))).containsExactlyInAnyOrder(
        "User:baton.sensor-story.alerts ALLOW READ TOPIC sensor-story.per-minute",
        "User:baton.sensor-story.alerts ALLOW DESCRIBE TOPIC sensor-story.per-minute",
        "User:baton.sensor-story.alerts ALLOW READ GROUP baton.sensor-story.alerts",
        "User:baton.sensor-story.alerts ALLOW WRITE TOPIC sensors.alerts",
        "User:baton.sensor-story.alerts ALLOW DESCRIBE TOPIC sensors.alerts",
        "User:baton.sensor-story.alerts ALLOW WRITE TOPIC sensor-story.alerts.dead-letter",
        "User:baton.sensor-story.alerts ALLOW DESCRIBE TOPIC sensor-story.alerts.dead-letter",
        "User:baton.sensor-story.alerts ALLOW WRITE TOPIC sensor-story.lineage",
        "User:baton.sensor-story.alerts ALLOW DESCRIBE TOPIC sensor-story.lineage",
        "User:baton.sensor-story.alerts ALLOW WRITE TRANSACTIONAL_ID baton.sensor-story.alerts.handoff*",
        "User:baton.sensor-story.alerts ALLOW DESCRIBE TRANSACTIONAL_ID baton.sensor-story.alerts.handoff*",
        "User:baton.sensor-story.alerts ALLOW WRITE TRANSACTIONAL_ID baton.sensor-story.alerts.dead-letter*",
        "User:baton.sensor-story.alerts ALLOW DESCRIBE TRANSACTIONAL_ID baton.sensor-story.alerts.dead-letter*");
  }

  @Test
  void noStageMayReadDeadLettersOrAnotherStagesGroupOrTouchTheCluster() {
    for (Access stage : access.stages()) {
      assertThat(stage.acls()).noneMatch(a -> a.name().endsWith(".dead-letter") && a.operation() == AclOperation.READ);
      assertThat(stage.acls()).filteredOn(a -> a.resourceType() == ResourceType.GROUP).extracting(Acl::name)
          .containsExactly("baton.sensor-story." + stage.stage().orElseThrow());
      assertThat(stage.acls()).noneMatch(a -> a.resourceType() == ResourceType.CLUSTER);
    }
  }

  @Test
  void replayReadsDeadLettersAndWritesBackWhereTheyCameFrom() {
    String u = "User:baton-replay.sensor-story ALLOW ";
    assertThat(texts(access.replay())).containsExactlyInAnyOrder(
        u + "READ TOPIC sensor-story.readings.dead-letter", u + "DESCRIBE TOPIC sensor-story.readings.dead-letter",
        u + "READ TOPIC sensor-story.per-minute.dead-letter", u + "DESCRIBE TOPIC sensor-story.per-minute.dead-letter",
        u + "READ TOPIC sensor-story.alerts.dead-letter", u + "DESCRIBE TOPIC sensor-story.alerts.dead-letter",
        u + "READ TOPIC sensors.readings", u + "WRITE TOPIC sensors.readings", u + "DESCRIBE TOPIC sensors.readings",
        u + "READ TOPIC sensor-story.readings", u + "WRITE TOPIC sensor-story.readings",
        u + "DESCRIBE TOPIC sensor-story.readings",
        u + "READ TOPIC sensor-story.per-minute", u + "WRITE TOPIC sensor-story.per-minute",
        u + "DESCRIBE TOPIC sensor-story.per-minute");
  }

  @Test
  void adminManagesTheCreatedTopicsAndTheStagesGroups() {
    String u = "User:baton-admin.sensor-story ALLOW ";
    List<String> expected = new java.util.ArrayList<>();
    for (String topic : List.of("sensor-story.readings", "sensor-story.readings.dead-letter", "sensor-story.per-minute",
        "sensor-story.per-minute.dead-letter", "sensors.alerts", "sensor-story.alerts.dead-letter",
        "sensor-story.lineage")) {
      for (String op : List.of("CREATE", "DELETE", "DESCRIBE", "READ")) {
        expected.add(u + op + " TOPIC " + topic);
      }
    }
    expected.add(u + "DESCRIBE TOPIC sensors.readings");
    for (String stage : List.of("readings", "per-minute", "alerts")) {
      expected.add(u + "DESCRIBE GROUP baton.sensor-story." + stage);
      expected.add(u + "DELETE GROUP baton.sensor-story." + stage);
    }
    assertThat(texts(access.admin())).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void bindingsAreEveryAclInKafkasForm() {
    List<AclBinding> bindings = access.bindings();
    assertThat(bindings).hasSize(13 * 3 + 15 + 35);
    assertThat(bindings).filteredOn(b -> b.pattern().patternType() == PatternType.PREFIXED)
        .allMatch(b -> b.pattern().resourceType() == ResourceType.TRANSACTIONAL_ID).hasSize(12);
  }

  private static List<String> texts(Access a) {
    return a.acls().stream().map(Acl::toString).toList();
  }
}
