package io.baton.k8s;

import static io.baton.k8s.Yaml.map;

import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How each stage job reaches Kafka as its own user without a secret in its arguments or in the rendered files: a
 * ConfigMap holds one client properties file per stage, whose {@code sasl.jaas.config} refers to
 * ({@code ${file:...}}) the key {@code sasl.jaas.config} of the Secret Strimzi's User Operator writes for the stage's
 * KafkaUser. A patch mounts both, as one projected volume, into the session cluster's pods at
 * {@code /etc/baton/kafka/<pipeline>/}; the JobManager reads the file when it builds the job
 * ({@code --kafka-properties-file}).
 */
final class KafkaClients {
  static final String ROOT = "/etc/baton/kafka";
  /** Group-readable (the pods' fsGroup), 0440. */
  static final int FILE_MODE = 0440;

  private KafkaClients() {}

  static String mountDir(String pipeline) {
    return ROOT + "/" + pipeline;
  }

  static String propertiesFile(String pipeline, String stage) {
    return mountDir(pipeline) + "/" + stage + ".properties";
  }

  static String jaasFile(String pipeline, String stage) {
    return mountDir(pipeline) + "/" + stage + ".jaas";
  }

  static String configMapName(String pipeline) {
    return pipeline + ".kafka-clients";
  }

  static String volumeName(String pipeline) {
    String name = "kafka-" + pipeline;
    if (name.length() > 63) {
      throw new IllegalArgumentException("pipeline name '" + pipeline + "' is too long for a volume name (kafka-<pipeline>"
          + " must be at most 63 characters)");
    }
    return name;
  }

  /** The client properties of one stage: SCRAM over the cluster-internal listener, the JAAS line from the Secret. */
  static String properties(String pipeline, String stage) {
    return "# Kafka client settings of " + pipeline + "/" + stage + "; its credentials stay in its Secret\n"
        + "sasl.jaas.config=${file:" + jaasFile(pipeline, stage) + "}\n"
        + "sasl.mechanism=SCRAM-SHA-512\n"
        + "security.protocol=SASL_PLAINTEXT\n";
  }

  static Map<String, Object> configMap(Plan plan) {
    Map<String, Object> data = new LinkedHashMap<>();
    plan.stages().forEach(s -> data.put(s.name() + ".properties", properties(plan.pipeline(), s.name())));
    Map<String, Object> configMap = Yaml.resource("v1", "ConfigMap", configMapName(plan.pipeline()),
        Labels.pipeline(plan.pipeline()));
    configMap.put("data", data);
    return configMap;
  }

  /** A JSON 6902 patch adding the projected volume and its mount to the session FlinkDeployment's pod template. */
  static List<Map<String, Object>> sessionPatch(Plan plan) {
    return List.of(
        map("op", "add", "path", "/spec/podTemplate/spec/volumes/-", "value", volume(plan)),
        map("op", "add", "path", "/spec/podTemplate/spec/containers/0/volumeMounts/-", "value", mount(plan)));
  }

  /** The projected volume of the pipeline's client files (the ConfigMap) and its users' {@code sasl.jaas.config}. */
  static Map<String, Object> volume(Plan plan) {
    List<Object> sources = new ArrayList<>();
    List<Object> items = new ArrayList<>();
    plan.stages().forEach(s -> items.add(map("key", s.name() + ".properties", "path", s.name() + ".properties")));
    sources.add(map("configMap", map("name", configMapName(plan.pipeline()), "items", items)));
    for (PlannedStage s : plan.stages()) {
      sources.add(map("secret", map(
          "name", io.baton.api.internal.ResourceNames.stagePrincipal(plan.pipeline(), s.name()),
          "optional", true,
          "items", List.of(map("key", "sasl.jaas.config", "path", s.name() + ".jaas")))));
    }
    return map("name", volumeName(plan.pipeline()), "projected", map("defaultMode", FILE_MODE, "sources", sources));
  }

  /** Where the volume is mounted in the session's main container: {@link #mountDir}, read-only. */
  static Map<String, Object> mount(Plan plan) {
    return map("name", volumeName(plan.pipeline()), "mountPath", mountDir(plan.pipeline()), "readOnly", true);
  }
}
