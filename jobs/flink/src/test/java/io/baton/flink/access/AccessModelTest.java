package io.baton.flink.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import io.baton.flink.plan.PlannedTopic;
import io.baton.flink.plan.StateShape;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/** The access model on small hand-made plans: delivery decides transactional ACLs, a co-group reads all its inputs. */
class AccessModelTest {

  private static PlannedStage stage(String name, List<String> inputs, String delivery) {
    return stage(name, inputs, delivery, true);
  }

  private static PlannedStage stage(String name, List<String> inputs, String delivery, boolean lineage) {
    return new PlannedStage(name, inputs.isEmpty() ? "source" : inputs.size() > 1 ? "co-group" : "stage", List.of(),
        inputs.isEmpty() ? List.of("in") : inputs, List.of("R"), "p." + name, "p." + name + ".dead-letter", "R",
        "each", "map", "schema", "none", 1, delivery, "1", lineage, "p/" + name, "StageJob", List.of(), "000000000000",
        new StateShape(List.of("source", "handoff"), "each", "each", "", "", "", "", List.of("in")));
  }

  private static Plan plan(PlannedStage... stages) {
    List<PlannedTopic> topics = new java.util.ArrayList<>(List.of(new PlannedTopic("in", "input", 0, "")));
    for (PlannedStage s : stages) {
      topics.add(new PlannedTopic(s.outputTopic(), "handoff", 0, s.name()));
      topics.add(new PlannedTopic(s.deadLetterTopic(), "dead-letter", 0, s.name()));
    }
    topics.add(new PlannedTopic("p.lineage", "lineage", 4, "", Map.of("cleanup.policy", "compact")));
    return new Plan("p", "Def", List.of(stages), List.of(), topics, List.of(), Map.of());
  }

  @Test
  void atLeastOnceStagesGetNoTransactionalIds() {
    AccessModel access = AccessModel.of(plan(stage("a", List.of(), "at-least-once")));
    assertThat(access.stage("a").acls()).noneMatch(a -> a.resourceType() == ResourceType.TRANSACTIONAL_ID)
        .anyMatch(a -> a.name().equals("p.a") && a.operation() == AclOperation.WRITE);
  }

  @Test
  void exactlyOnceStagesGetBothTransactionalPrefixes() {
    AccessModel access = AccessModel.of(plan(stage("a", List.of(), "exactly-once")));
    assertThat(access.stage("a").acls()).filteredOn(a -> a.resourceType() == ResourceType.TRANSACTIONAL_ID)
        .allMatch(a -> a.patternType() == PatternType.PREFIXED)
        .extracting(Acl::toString).containsExactlyInAnyOrder(
            "User:baton.p.a ALLOW WRITE TRANSACTIONAL_ID baton.p.a.handoff*",
            "User:baton.p.a ALLOW DESCRIBE TRANSACTIONAL_ID baton.p.a.handoff*",
            "User:baton.p.a ALLOW WRITE TRANSACTIONAL_ID baton.p.a.dead-letter*",
            "User:baton.p.a ALLOW DESCRIBE TRANSACTIONAL_ID baton.p.a.dead-letter*");
  }

  @Test
  void aCoGroupReadsEveryInputAndReplayWritesBackToEach() {
    AccessModel access = AccessModel.of(plan(stage("a", List.of(), "exactly-once"), stage("b", List.of(), "exactly-once"),
        stage("c", List.of("p.a", "p.b"), "exactly-once")));
    assertThat(access.stage("c").acls()).filteredOn(a -> a.operation() == AclOperation.READ).extracting(Acl::name)
        .containsExactlyInAnyOrder("p.a", "p.b", "baton.p.c");
    assertThat(access.replay().acls()).filteredOn(a -> a.operation() == AclOperation.WRITE).extracting(Acl::name)
        .containsExactlyInAnyOrder("in", "p.a", "p.b");
  }

  @Test
  void aStageWithLineageWritesTheLineageTopicAndOneWithoutDoesNot() {
    AccessModel access = AccessModel.of(plan(stage("a", List.of(), "exactly-once"),
        stage("quiet", List.of("p.a"), "exactly-once", false)));

    assertThat(access.stage("a").acls()).filteredOn(a -> a.name().equals("p.lineage")).extracting(Acl::toString)
        .containsExactlyInAnyOrder("User:baton.p.a ALLOW WRITE TOPIC p.lineage",
            "User:baton.p.a ALLOW DESCRIBE TOPIC p.lineage");
    assertThat(access.stage("quiet").acls()).noneMatch(a -> a.name().equals("p.lineage"));
    assertThat(access.admin().acls()).filteredOn(a -> a.name().equals("p.lineage")).extracting(Acl::operation)
        .contains(AclOperation.READ, AclOperation.CREATE);
    assertThat(access.replay().acls()).noneMatch(a -> a.name().equals("p.lineage"));
  }

  @Test
  void anUnknownStageNamesThePipeline() {
    assertThatThrownBy(() -> AccessModel.of(plan(stage("a", List.of(), "exactly-once"))).stage("z"))
        .hasMessage("pipeline 'p' has no stage 'z'");
  }

  @Test
  void aclsOfAnotherPrincipalAreRefused() {
    Acl foreign = Acl.allow("User:x", ResourceType.TOPIC, "t", PatternType.LITERAL, AclOperation.READ);
    assertThatThrownBy(() -> Access.of(Access.Role.REPLAY, "baton-replay.p", null, List.of(foreign)))
        .hasMessage("ACL User:x ALLOW READ TOPIC t is not for User:baton-replay.p");
  }
}
