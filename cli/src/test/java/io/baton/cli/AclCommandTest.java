package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code baton acl} without servers: the sensor story's ACLs as a table and as JSON, and --apply with no Kafka. */
class AclCommandTest {
  @TempDir
  Path home;

  @Test
  void theTableHasARowPerAclGroupedByPrincipalAndSaysHowToApply() {
    CliRun acl = CliRun.of("acl", "sensor-story");

    assertThat(acl.exitCode()).as(acl.err()).isZero();
    List<String> lines = acl.out().lines().toList();
    assertThat(lines.get(0)).matches("PRINCIPAL +RESOURCE +PATTERN +OPERATION +PERMISSION");
    assertThat(lines).hasSize(1 + 89 + 1);   // 13 per stage (2 for the lineage topic), 15 replay, 35 admin
    assertThat(lines).anyMatch(l -> l.matches(
        "User:baton\\.sensor-story\\.per-minute +TOPIC sensor-story\\.readings +LITERAL +READ +ALLOW"));
    assertThat(lines).anyMatch(l -> l.matches(
        "User:baton\\.sensor-story\\.alerts +TRANSACTIONAL_ID baton\\.sensor-story\\.alerts\\.handoff +PREFIXED +WRITE +ALLOW"));
    assertThat(lines.get(90)).isEqualTo("89 ACLs for 5 principals; make them so with: ./baton acl sensor-story --apply");
    List<String> principalsInOrder = new ArrayList<>();
    lines.subList(1, 90).forEach(l -> {
      String p = l.split(" +")[0];
      if (principalsInOrder.isEmpty() || !principalsInOrder.get(principalsInOrder.size() - 1).equals(p)) {
        principalsInOrder.add(p);
      }
    });
    assertThat(principalsInOrder).containsExactly("User:baton.sensor-story.readings", "User:baton.sensor-story.per-minute",
        "User:baton.sensor-story.alerts", "User:baton-replay.sensor-story", "User:baton-admin.sensor-story");
  }

  @Test
  void jsonListsEachPrincipalWithItsRoleStageAndAcls() throws Exception {
    CliRun acl = CliRun.of("acl", "sensor-story", "--json");

    JsonNode root = new ObjectMapper().readTree(acl.out());
    assertThat(root.get("pipeline").asText()).isEqualTo("sensor-story");
    JsonNode perMinute = root.get("principals").get(1);
    assertThat(perMinute.get("user").asText()).isEqualTo("baton.sensor-story.per-minute");
    assertThat(perMinute.get("role").asText()).isEqualTo("stage");
    assertThat(perMinute.get("stage").asText()).isEqualTo("per-minute");
    assertThat(perMinute.get("acls")).hasSize(13);
    assertThat(root.get("principals").get(3).has("stage")).isFalse();
    int total = 0;
    for (JsonNode p : root.get("principals")) {
      total += p.get("acls").size();
    }
    assertThat(total).isEqualTo(89);
  }

  @Test
  void anAtLeastOnceOverrideDropsThatStagesTransactionalIds() throws Exception {
    Path overrides = Files.writeString(home.resolve("o.yaml"), "stages:\n  alerts:\n    delivery: at-least-once\n");

    CliRun acl = CliRun.of("acl", "sensor-story", "--overrides", overrides.toString());

    assertThat(acl.exitCode()).as(acl.err()).isZero();
    assertThat(acl.out()).contains("85 ACLs for 5 principals");
    assertThat(acl.out().lines().filter(l -> l.startsWith("User:baton.sensor-story.alerts "))).hasSize(9)
        .noneMatch(l -> l.contains("TRANSACTIONAL_ID"));
  }

  @Test
  void applyWithoutKafkaSaysHowToStartTheSecureStack() {
    CliRun acl = CliRun.of("acl", "sensor-story", "--apply", "--home", home.toString());

    assertThat(acl.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(acl.err()).isEqualTo("baton: kafka is not running; start the local stack with: ./baton up --secure\n");
  }
}
