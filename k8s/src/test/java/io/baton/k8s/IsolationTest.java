package io.baton.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.k8s.validate.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the base's NetworkPolicies, Services and Kafka listener say, read as a reviewer would: everything is closed
 * by default, only the Flink pods reach Kafka's listener and the registry, nothing is exposed outside the cluster.
 */
class IsolationTest {
  private static final Map<String, String> FLINK = Map.of("baton.io/flink", "true");

  private final List<Document> base = documents();

  @Test
  void ingressIsDeniedToEveryPodUnlessAllowed() {
    assertThat(policies()).anySatisfy(p -> {
      assertThat(p.path("spec").path("podSelector").isEmpty()).isTrue();
      assertThat(p.path("spec").path("policyTypes").toString()).isEqualTo("[\"Ingress\"]");
      assertThat(p.path("spec").has("ingress")).isFalse();
    });
  }

  @Test
  void onlyFlinkPodsReachTheRegistryAndKafkasListener() {
    for (String selected : List.of("app.kubernetes.io/name=baton-registry", "strimzi.io/broker-role=true")) {
      List<JsonNode> rules = new ArrayList<>();
      for (JsonNode p : policies()) {
        String[] kv = selected.split("=");
        if (p.path("spec").path("podSelector").path("matchLabels").path(kv[0]).asString("").equals(kv[1])) {
          p.path("spec").path("ingress").forEach(rules::add);
        }
      }
      assertThat(rules).as(selected).isNotEmpty().allSatisfy(rule -> assertThat(rule.path("from")).singleElement()
          .satisfies(from -> {
            assertThat(from.has("namespaceSelector") || from.has("ipBlock")).isFalse();
            assertThat(labels(from.path("podSelector").path("matchLabels"))).isEqualTo(FLINK);
          }));
    }
    JsonNode listener = single("Kafka").path("spec").path("kafka").path("listeners").get(0);
    assertThat(listener.path("type").asString()).isEqualTo("internal");
    assertThat(listener.path("authentication").path("type").asString()).isEqualTo("scram-sha-512");
    assertThat(listener.path("networkPolicyPeers")).singleElement()
        .satisfies(peer -> assertThat(labels(peer.path("podSelector").path("matchLabels"))).isEqualTo(FLINK));
    assertThat(single("Kafka").path("spec").path("kafka").path("authorization").path("type").asString()).isEqualTo("simple");
  }

  @Test
  void theSessionClustersPodsAreTheFlinkPods() {
    JsonNode template = single("FlinkDeployment").path("spec").path("podTemplate");
    assertThat(labels(template.path("metadata").path("labels"))).isEqualTo(FLINK);
  }

  @Test
  void nothingIsExposedOutsideTheCluster() {
    assertThat(base).filteredOn(d -> d.kind().equals("Service"))
        .allSatisfy(s -> assertThat(s.node().path("spec").path("type").asString()).isEqualTo("ClusterIP"));
    assertThat(base).noneMatch(d -> d.kind().equals("Ingress"));
    single("Kafka").path("spec").path("kafka").path("listeners")
        .forEach(l -> assertThat(l.path("type").asString()).isEqualTo("internal"));
  }

  private List<JsonNode> policies() {
    return base.stream().filter(d -> d.kind().equals("NetworkPolicy")).map(Document::node).toList();
  }

  private JsonNode single(String kind) {
    return base.stream().filter(d -> d.kind().equals(kind)).map(Document::node).reduce((a, b) -> {
      throw new AssertionError("more than one " + kind);
    }).orElseThrow();
  }

  private static Map<String, String> labels(JsonNode matchLabels) {
    Map<String, String> labels = new java.util.TreeMap<>();
    matchLabels.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
    return labels;
  }

  private static List<Document> documents() {
    try {
      return ManifestsTest.documents(K8sFiles.module().resolve("base"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
