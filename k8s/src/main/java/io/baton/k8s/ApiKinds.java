package io.baton.k8s;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kinds a pipeline owns, as the API server serves them (group, version, plural), so the generic client needs no
 * discovery: FlinkSessionJob, KafkaTopic, KafkaUser and ConfigMap, in the order stale ones are deleted (jobs first).
 */
final class ApiKinds {
  static final Map<String, ResourceDefinitionContext> ALL = new LinkedHashMap<>();

  static {
    put("flink.apache.org", "v1beta1", "FlinkSessionJob", "flinksessionjobs");
    put("kafka.strimzi.io", "v1", "KafkaTopic", "kafkatopics");
    put("kafka.strimzi.io", "v1", "KafkaUser", "kafkausers");
    put("", "v1", "ConfigMap", "configmaps");
  }

  private ApiKinds() {}

  static ResourceDefinitionContext of(String kind) {
    ResourceDefinitionContext context = ALL.get(kind);
    if (context == null) {
      throw new IllegalArgumentException("not a kind a pipeline owns: " + kind + "; known: " + ALL.keySet());
    }
    return context;
  }

  private static void put(String group, String version, String kind, String plural) {
    ALL.put(kind, new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
        .withPlural(plural).withNamespaced(true).build());
  }
}
