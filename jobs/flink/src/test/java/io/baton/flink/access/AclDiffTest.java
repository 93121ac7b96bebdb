package io.baton.flink.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.flink.plan.Planner;
import io.baton.flink.plan.PlannerTest;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class AclDiffTest {
  private final AccessModel model = AccessModel.of(Planner.plan(new PlannerTest.Sensors()));

  private static AclBinding allow(String user, String topic, AclOperation op) {
    return new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
        new AccessControlEntry("User:" + user, "*", op, AclPermissionType.ALLOW));
  }

  @Test
  void anEmptyClusterGetsEveryAclOfTheModel() {
    AclDiff diff = AclDiff.between(model, List.of());

    assertThat(diff.toCreate()).isEqualTo(model.acls());
    assertThat(diff.toRemove()).isEmpty();
    assertThat(diff.inPlace()).isZero();
  }

  @Test
  void aClusterHoldingTheModelNeedsNothing() {
    AclDiff diff = AclDiff.between(model, model.bindings());

    assertThat(diff.isEmpty()).isTrue();
    assertThat(diff.inPlace()).isEqualTo(model.acls().size());
  }

  @Test
  void aRemovedStagesAndAStaleGrantOfAKnownPrincipalAreRemovedOthersAreLeftAlone() {
    List<AclBinding> existing = new ArrayList<>(model.bindings());
    AclBinding gone = allow("baton.sensor-test.gone", "sensor-test.gone", AclOperation.WRITE);
    AclBinding stale = allow("baton.sensor-test.alerts", "sensor-test.readings", AclOperation.READ);
    AclBinding fromHost = new AclBinding(new ResourcePattern(ResourceType.GROUP, "g", PatternType.LITERAL),
        new AccessControlEntry("User:baton-replay.sensor-test", "10.0.0.1", AclOperation.READ, AclPermissionType.ALLOW));
    existing.addAll(List.of(gone, stale, fromHost,
        allow("analytics", "sensors.alerts", AclOperation.READ),                 // someone else's, on our output
        allow("baton.sensor-test-2.readings", "sensor-test.readings", AclOperation.READ), // another pipeline's
        allow("baton-admin.sensor", "sensor-test.readings", AclOperation.DELETE)));

    AclDiff diff = AclDiff.between(model, existing);

    assertThat(diff.toCreate()).isEmpty();
    assertThat(diff.toRemove()).containsExactlyInAnyOrder(gone, stale, fromHost);
    assertThat(diff.toRemove()).extracting(AclDiff::describe).contains(
        "User:baton.sensor-test.gone ALLOW WRITE TOPIC sensor-test.gone",
        "User:baton-replay.sensor-test ALLOW READ GROUP g from 10.0.0.1");
  }

  @Test
  void aMissingAclIsCreatedAndTheRestCountInPlace() {
    List<AclBinding> existing = new ArrayList<>(model.bindings());
    AclBinding missing = existing.remove(3);

    AclDiff diff = AclDiff.between(model, existing);

    assertThat(diff.toCreate()).extracting(Acl::toBinding).containsExactly(missing);
    assertThat(diff.inPlace()).isEqualTo(model.acls().size() - 1);
  }

  @Test
  void ownsThePipelinesStageReplayAndAdminPrincipalsOnly() {
    assertThat(AclDiff.owns("sensor-test", "User:baton.sensor-test.any-stage")).isTrue();
    assertThat(AclDiff.owns("sensor-test", "User:baton-replay.sensor-test")).isTrue();
    assertThat(AclDiff.owns("sensor-test", "User:baton-admin.sensor-test")).isTrue();
    assertThat(AclDiff.owns("sensor-test", "User:baton.sensor-test")).isFalse();
    assertThat(AclDiff.owns("sensor-test", "User:baton.sensor-test.a.b")).isFalse();
    assertThat(AclDiff.owns("sensor", "User:baton.sensor-test.readings")).isFalse();
    assertThat(AclDiff.owns("sensor-test", "User:admin")).isFalse();
  }
}
