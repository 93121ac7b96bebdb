package io.baton.k8s;

import static io.baton.k8s.Yaml.map;

import io.baton.flink.access.Access;
import io.baton.flink.access.AccessModel;
import io.baton.flink.access.Acl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;

/**
 * A Strimzi {@code KafkaUser} per stage: SCRAM-SHA-512 (the User Operator generates the password into a Secret of
 * the user's name, keys {@code password} and {@code sasl.jaas.config}) and exactly the stage's ACLs from the
 * {@link AccessModel}, one entry per resource with its operations.
 */
final class KafkaUsers {
  private KafkaUsers() {}

  static List<Map<String, Object>> render(AccessModel access, K8sSettings settings) {
    List<Map<String, Object>> users = new ArrayList<>();
    for (Access stage : access.stages()) {
      Map<String, Object> user = Yaml.resource("kafka.strimzi.io/v1", "KafkaUser", stage.user(),
          Labels.strimzi(Labels.stage(access.pipeline(), stage.stage().orElseThrow()), settings.kafkaCluster()));
      user.put("spec", map(
          "authentication", map("type", "scram-sha-512"),
          "authorization", map("type", "simple", "acls", acls(stage.acls()))));
      users.add(user);
    }
    return users;
  }

  /** ACLs as Strimzi lists them: per resource (and permission), its operations. */
  static List<Map<String, Object>> acls(List<Acl> acls) {
    Map<String, Map<String, Object>> byResource = new LinkedHashMap<>();
    Map<String, TreeMap<String, String>> operations = new LinkedHashMap<>();
    for (Acl acl : acls) {
      String key = acl.resourceType() + " " + acl.name() + " " + acl.patternType() + " " + acl.permission();
      byResource.computeIfAbsent(key, k -> map(
          "type", acl.permission() == AclPermissionType.ALLOW ? "allow" : "deny",
          "resource", resource(acl),
          "host", "*"));
      String op = StrimziNames.operation(acl.operation());
      operations.computeIfAbsent(key, k -> new TreeMap<>()).put(op, op);
    }
    List<Map<String, Object>> result = new ArrayList<>();
    byResource.forEach((key, entry) -> {
      entry.put("operations", new ArrayList<>(operations.get(key).keySet()));
      result.add(entry);
    });
    return result;
  }

  private static Map<String, Object> resource(Acl acl) {
    Map<String, Object> resource = map("type", StrimziNames.resourceType(acl.resourceType()));
    if (!acl.resourceType().name().equals("CLUSTER")) {
      resource.put("name", acl.name());
      resource.put("patternType", acl.patternType() == PatternType.PREFIXED ? "prefix" : "literal");
    }
    return resource;
  }
}
