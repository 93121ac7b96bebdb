package io.baton.k8s;

import static io.baton.k8s.Yaml.map;

import io.baton.flink.access.AccessModel;
import io.baton.flink.plan.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pipeline's Kubernetes resources, rendered from its plan and access model: a {@code FlinkSessionJob} per stage,
 * a {@code KafkaTopic} per topic it creates, a {@code KafkaUser} per stage with exactly its ACLs, the stages' Kafka
 * client files (a ConfigMap, plus a patch mounting it with the users' Secrets into the session cluster), and a
 * {@code kustomization.yaml} that builds them on an overlay of {@code k8s/}. The same plan and settings always give
 * the same bytes.
 *
 * <pre>{@code
 * PipelineResources.render(Planner.plan(new SensorStory()), K8sSettings.defaults().withOverlay("../k8s/overlays/dev"))
 *     .writeTo(Path.of("out/sensor-story"));
 * // kubectl apply -k out/sensor-story
 * }</pre>
 */
public final class PipelineResources {
  static final String SESSION_JOBS = "session-jobs.yaml";
  static final String TOPICS = "kafka-topics.yaml";
  static final String USERS = "kafka-users.yaml";
  static final String CLIENTS = "kafka-clients.yaml";
  static final String SESSION_MOUNTS = "session-mounts.yaml";
  static final String KUSTOMIZATION = "kustomization.yaml";

  private final String pipeline;
  private final Map<String, String> files;

  private PipelineResources(String pipeline, Map<String, String> files) {
    this.pipeline = pipeline;
    this.files = files;
  }

  public static PipelineResources render(Plan plan, K8sSettings settings) {
    AccessModel access = AccessModel.of(plan);
    String p = plan.pipeline();
    Map<String, String> files = new TreeMap<>();
    files.put(SESSION_JOBS, Yaml.documents("The stage jobs of " + p + " on the session cluster "
        + settings.sessionDeployment(), SessionJobs.render(plan, settings)));
    files.put(TOPICS, Yaml.documents("The topics " + p + " creates (outside inputs are not its own)",
        KafkaTopics.render(plan, settings)));
    files.put(USERS, Yaml.documents("A Kafka user per stage of " + p + " with exactly its ACLs; Strimzi writes each"
        + " password to a Secret of the user's name", KafkaUsers.render(access, settings)));
    files.put(CLIENTS, Yaml.documents("Each stage's Kafka client settings; sasl.jaas.config is read from its user's"
        + " Secret", List.of(KafkaClients.configMap(plan))));
    files.put(SESSION_MOUNTS, "# Mounts the client settings and the users' Secrets into the session cluster at "
        + KafkaClients.mountDir(p) + "\n" + Yaml.write(KafkaClients.sessionPatch(plan)));
    files.put(KUSTOMIZATION, Yaml.documents(p + " on " + settings.overlay() + " (baton k8s render " + p + ")",
        List.of(kustomization(settings))));
    return new PipelineResources(p, Collections.unmodifiableMap(files));
  }

  /**
   * The pipeline's own objects, without namespace (the kustomization or {@link K8sDeploy} sets it), as in the
   * rendered files, in the order a job's needs come first: the clients' ConfigMap, KafkaTopics, KafkaUsers, then the
   * FlinkSessionJobs.
   */
  static List<Map<String, Object>> objects(Plan plan, K8sSettings settings) {
    List<Map<String, Object>> objects = new ArrayList<>(List.of(KafkaClients.configMap(plan)));
    objects.addAll(KafkaTopics.render(plan, settings));
    objects.addAll(KafkaUsers.render(AccessModel.of(plan), settings));
    objects.addAll(SessionJobs.render(plan, settings));
    return objects;
  }

  public String pipeline() {
    return pipeline;
  }

  /** File name to content, sorted by name. */
  public Map<String, String> files() {
    return files;
  }

  /** Writes every file into {@code dir} (created if needed), replacing files of the same names. */
  public void writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
  }

  @Override
  public String toString() {
    return "PipelineResources of " + pipeline + ": " + files.keySet();
  }

  private static Map<String, Object> kustomization(K8sSettings settings) {
    return map(
        "apiVersion", "kustomize.config.k8s.io/v1beta1",
        "kind", "Kustomization",
        "namespace", settings.namespace(),
        "resources", List.of(settings.overlay(), SESSION_JOBS, TOPICS, USERS, CLIENTS),
        "patches", List.of(map("path", SESSION_MOUNTS, "target", map("group", "flink.apache.org", "version", "v1beta1",
            "kind", "FlinkDeployment", "name", settings.sessionDeployment()))));
  }
}
