package io.baton.flink.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class AclTest {

  @Test
  void convertsToKafkasBindingForAnyHost() {
    Acl acl = Acl.allow("User:baton.p.s", ResourceType.TRANSACTIONAL_ID, "baton.p.s", PatternType.PREFIXED,
        AclOperation.WRITE);
    var binding = acl.toBinding();
    assertThat(binding.pattern().resourceType()).isEqualTo(ResourceType.TRANSACTIONAL_ID);
    assertThat(binding.pattern().name()).isEqualTo("baton.p.s");
    assertThat(binding.pattern().patternType()).isEqualTo(PatternType.PREFIXED);
    assertThat(binding.entry().principal()).isEqualTo("User:baton.p.s");
    assertThat(binding.entry().host()).isEqualTo("*");
    assertThat(binding.entry().operation()).isEqualTo(AclOperation.WRITE);
    assertThat(binding.entry().permissionType()).isEqualTo(AclPermissionType.ALLOW);
  }

  @Test
  void showsPrefixedNamesWithAStar() {
    assertThat(Acl.allow("User:u", ResourceType.TOPIC, "t", PatternType.LITERAL, AclOperation.READ))
        .hasToString("User:u ALLOW READ TOPIC t");
    assertThat(Acl.allow("User:u", ResourceType.TRANSACTIONAL_ID, "x.", PatternType.PREFIXED, AclOperation.DESCRIBE))
        .hasToString("User:u ALLOW DESCRIBE TRANSACTIONAL_ID x.*");
  }

  @Test
  void equalWhenEveryPartIsEqual() {
    Acl a = Acl.allow("User:u", ResourceType.TOPIC, "t", PatternType.LITERAL, AclOperation.READ);
    assertThat(a).isEqualTo(Acl.allow("User:u", ResourceType.TOPIC, "t", PatternType.LITERAL, AclOperation.READ))
        .hasSameHashCodeAs(Acl.allow("User:u", ResourceType.TOPIC, "t", PatternType.LITERAL, AclOperation.READ))
        .isNotEqualTo(Acl.allow("User:u", ResourceType.TOPIC, "t", PatternType.PREFIXED, AclOperation.READ))
        .isNotEqualTo(Acl.of("User:u", ResourceType.TOPIC, "t", PatternType.LITERAL, AclOperation.READ,
            AclPermissionType.DENY));
  }

  @Test
  void principalMustBeAUser() {
    assertThatThrownBy(() -> Acl.allow("baton.p.s", ResourceType.TOPIC, "t", PatternType.LITERAL, AclOperation.READ))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("principal must be User:<name>, got 'baton.p.s'");
  }

  @Test
  void wildcardKindsAreRefused() {
    assertThatThrownBy(() -> Acl.allow("User:u", ResourceType.ANY, "t", PatternType.LITERAL, AclOperation.READ))
        .hasMessage("resourceType must be a concrete type, got ANY");
    assertThatThrownBy(() -> Acl.allow("User:u", ResourceType.TOPIC, "t", PatternType.MATCH, AclOperation.READ))
        .hasMessage("patternType must be LITERAL or PREFIXED, got MATCH");
    assertThatThrownBy(() -> Acl.allow("User:u", ResourceType.TOPIC, "t", PatternType.LITERAL, AclOperation.ANY))
        .hasMessage("operation must be a concrete operation, got ANY");
    assertThatThrownBy(() -> Acl.allow("User:u", ResourceType.TOPIC, " ", PatternType.LITERAL, AclOperation.READ))
        .hasMessage("resource name must not be blank, got ' '");
  }
}
