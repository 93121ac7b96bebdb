package io.baton.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a pipeline's rendered resources point: the namespace, the Strimzi cluster and its bootstrap service, the
 * registry, the session {@code FlinkDeployment}, the job jar's URI and the overlay the kustomization builds on. The
 * defaults match {@code k8s/base}. An immutable value; each {@code with} checks its argument.
 *
 * <pre>{@code
 * K8sSettings settings = K8sSettings.defaults()
 *     .withJarUri("https://artifacts.example.com/baton-examples.jar")
 *     .withOverlay("../k8s/overlays/prod");
 * }</pre>
 */
public final class K8sSettings {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private final String namespace;
  private final String kafkaCluster;
  private final String bootstrapServers;
  private final String registryUrl;
  private final String sessionDeployment;
  private final String jarUri;
  private final String checkpointInterval;
  private final String overlay;

  private K8sSettings(String namespace, String kafkaCluster, String bootstrapServers, String registryUrl,
      String sessionDeployment, String jarUri, String checkpointInterval, String overlay) {
    this.namespace = namespace;
    this.kafkaCluster = kafkaCluster;
    this.bootstrapServers = bootstrapServers;
    this.registryUrl = registryUrl;
    this.sessionDeployment = sessionDeployment;
    this.jarUri = jarUri;
    this.checkpointInterval = checkpointInterval;
    this.overlay = overlay;
  }

  /**
   * {@code k8s/base}'s names: namespace {@code baton}, Kafka {@code baton} (bootstrap
   * {@code baton-kafka-bootstrap:9092}), registry {@code http://baton-registry:8080/apis/ccompat/v7}, session
   * {@code baton-session}, jar {@code file:///opt/baton/jobs/baton-examples.jar}, checkpoints every 2s, overlay
   * {@code k8s/overlays/dev}.
   */
  public static K8sSettings defaults() {
    return new K8sSettings("baton", "baton", "baton-kafka-bootstrap:9092", "http://baton-registry:8080/apis/ccompat/v7",
        "baton-session", "file:///opt/baton/jobs/baton-examples.jar", "2s", "k8s/overlays/dev");
  }

  public K8sSettings withNamespace(String value) {
    return new K8sSettings(label("namespace", value), kafkaCluster, bootstrapServers, registryUrl, sessionDeployment,
        jarUri, checkpointInterval, overlay);
  }

  public K8sSettings withKafkaCluster(String value) {
    return new K8sSettings(namespace, label("kafkaCluster", value), bootstrapServers, registryUrl, sessionDeployment,
        jarUri, checkpointInterval, overlay);
  }

  public K8sSettings withBootstrapServers(String value) {
    return new K8sSettings(namespace, kafkaCluster, text("bootstrapServers", value), registryUrl, sessionDeployment,
        jarUri, checkpointInterval, overlay);
  }

  public K8sSettings withRegistryUrl(String value) {
    return new K8sSettings(namespace, kafkaCluster, bootstrapServers, text("registryUrl", value), sessionDeployment,
        jarUri, checkpointInterval, overlay);
  }

  public K8sSettings withSessionDeployment(String value) {
    return new K8sSettings(namespace, kafkaCluster, bootstrapServers, registryUrl, label("sessionDeployment", value),
        jarUri, checkpointInterval, overlay);
  }

  /** The URI the Flink operator fetches the job jar from ({@code https://}, {@code s3://}, {@code file://}, ...). */
  public K8sSettings withJarUri(String value) {
    if (value == null || !value.matches("[a-zA-Z][a-zA-Z0-9+.-]*://.+")) {
      throw new IllegalArgumentException("jarUri must be a URI with a scheme (https://, s3://, file://), got '" + value + "'");
    }
    return new K8sSettings(namespace, kafkaCluster, bootstrapServers, registryUrl, sessionDeployment, value,
        checkpointInterval, overlay);
  }

  public K8sSettings withCheckpointInterval(String value) {
    return new K8sSettings(namespace, kafkaCluster, bootstrapServers, registryUrl, sessionDeployment, jarUri,
        text("checkpointInterval", value), overlay);
  }

  /** The kustomization the rendered one builds on, as a path relative to the output folder (or absolute). */
  public K8sSettings withOverlay(String value) {
    return new K8sSettings(namespace, kafkaCluster, bootstrapServers, registryUrl, sessionDeployment, jarUri,
        checkpointInterval, text("overlay", value));
  }

  public String namespace() {
    return namespace;
  }

  public String kafkaCluster() {
    return kafkaCluster;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public String registryUrl() {
    return registryUrl;
  }

  public String sessionDeployment() {
    return sessionDeployment;
  }

  public String jarUri() {
    return jarUri;
  }

  public String checkpointInterval() {
    return checkpointInterval;
  }

  public String overlay() {
    return overlay;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof K8sSettings s && toString().equals(s.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    parts.add(".withNamespace(\"" + namespace + "\")");
    parts.add(".withKafkaCluster(\"" + kafkaCluster + "\")");
    parts.add(".withBootstrapServers(\"" + bootstrapServers + "\")");
    parts.add(".withRegistryUrl(\"" + registryUrl + "\")");
    parts.add(".withSessionDeployment(\"" + sessionDeployment + "\")");
    parts.add(".withJarUri(\"" + jarUri + "\")");
    parts.add(".withCheckpointInterval(\"" + checkpointInterval + "\")");
    parts.add(".withOverlay(\"" + overlay + "\")");
    return "K8sSettings.defaults()" + String.join("", parts);
  }

  private static String label(String what, String value) {
    if (value == null || value.length() > 63 || !LABEL.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must be a DNS-1123 label (lowercase letters, digits, '-', at most 63),"
          + " got '" + value + "'");
    }
    return value;
  }

  private static String text(String what, String value) {
    if (Objects.requireNonNullElse(value, "").isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank, got '" + value + "'");
    }
    return value;
  }
}
