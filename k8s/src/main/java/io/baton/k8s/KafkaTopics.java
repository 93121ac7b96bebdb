package io.baton.k8s;

import static io.baton.k8s.Yaml.map;

import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedTopic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * A Strimzi {@code KafkaTopic} for every topic the pipeline creates (handoffs, its output, dead letters, the lineage
 * topic); outside inputs are not the pipeline's to create. Partitions and topic configs as the plan says (else the
 * broker's default), replicas the broker's default.
 */
final class KafkaTopics {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private KafkaTopics() {}

  static List<Map<String, Object>> render(Plan plan, K8sSettings settings) {
    List<Map<String, Object>> topics = new ArrayList<>();
    for (PlannedTopic t : plan.topics()) {
      if (!t.created()) {
        continue;
      }
      Map<String, Object> labels = Labels.strimzi(t.writer().isEmpty() ? Labels.pipeline(plan.pipeline())
          : Labels.stage(plan.pipeline(), t.writer()), settings.kafkaCluster());
      labels.put("baton.io/role", t.role());
      Map<String, Object> topic = Yaml.resource("kafka.strimzi.io/v1", "KafkaTopic", resourceName(t.name()), labels);
      Map<String, Object> spec = map("topicName", t.name());
      if (t.partitions() > 0) {
        spec.put("partitions", t.partitions());
      }
      if (!t.configs().isEmpty()) {
        spec.put("config", new java.util.TreeMap<String, Object>(t.configs()));
      }
      topic.put("spec", spec);
      topics.add(topic);
    }
    return topics;
  }

  /** The topic's name where Kubernetes allows it, else a lowercase form with a checksum of the real name. */
  static String resourceName(String topic) {
    if (topic.length() <= 253 && NAME.matcher(topic).matches()) {
      return topic;
    }
    CRC32 crc = new CRC32();
    crc.update(topic.getBytes(StandardCharsets.UTF_8));
    String cleaned = topic.toLowerCase().replaceAll("[^a-z0-9.-]", "-").replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "");
    String suffix = String.format("-%08x", crc.getValue());
    return (cleaned.isEmpty() ? "topic" : cleaned.substring(0, Math.min(cleaned.length(), 240))) + suffix;
  }
}
