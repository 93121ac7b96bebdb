package io.baton.k8s;

import static io.baton.k8s.Yaml.map;

import java.util.Map;

/** The labels every rendered resource carries, so {@code kubectl get -l baton.io/pipeline=<p>} finds them. */
final class Labels {
  private Labels() {}

  static Map<String, Object> pipeline(String pipeline) {
    return map("app.kubernetes.io/part-of", "baton", "baton.io/pipeline", pipeline);
  }

  static Map<String, Object> stage(String pipeline, String stage) {
    Map<String, Object> labels = pipeline(pipeline);
    labels.put("baton.io/stage", stage);
    return labels;
  }

  /** The Strimzi cluster a KafkaTopic or KafkaUser belongs to, plus {@code base}. */
  static Map<String, Object> strimzi(Map<String, Object> base, String cluster) {
    base.put("strimzi.io/cluster", cluster);
    return base;
  }
}
