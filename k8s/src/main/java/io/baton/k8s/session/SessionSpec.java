package io.baton.k8s.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.kubernetes.configuration.KubernetesConfigOptions;
import org.apache.flink.kubernetes.configuration.KubernetesConfigOptions.ServiceExposedType;
import org.apache.flink.kubernetes.configuration.KubernetesDeploymentTarget;

/**
 * A native Kubernetes Flink session cluster as {@code baton k8s session} starts it: cluster id, namespace, image,
 * kubeconfig, slots per TaskManager and any further Flink options ({@code --set}), which win over the defaults. An
 * immutable value; each {@code with} checks its argument.
 *
 * <pre>{@code
 * SessionSpec spec = SessionSpec.defaults().withName("baton-dev").withTaskManagerSlots(4)
 *     .withSetting("kubernetes.service-account", "baton-flink");
 * }</pre>
 */
public final class SessionSpec {
  /** Flink's rule for a cluster id: a DNS-1035 label of at most 45 characters (it prefixes its resources' names). */
  private static final Pattern CLUSTER_ID = Pattern.compile("[a-z]([-a-z0-9]{0,43}[a-z0-9])?");
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  /** The label the NetworkPolicies of {@code k8s/base} let reach Kafka and the registry. */
  public static final Map<String, String> POD_LABELS = Map.of("baton.io/flink", "true");
  /** Where {@link #withJobsClaim} mounts its volume, as {@code k8s/base} mounts {@code baton-jobs}. */
  public static final String JOBS_PATH = "/opt/baton/jobs";
  private static final Pattern CLAIM = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

  private final String name;
  private final String namespace;
  private final String image;
  private final Path kubeconfig;
  private final int taskManagerSlots;
  private final String jobsClaim;
  private final Map<String, String> settings;

  private SessionSpec(String name, String namespace, String image, Path kubeconfig, int taskManagerSlots,
      String jobsClaim, Map<String, String> settings) {
    this.name = name;
    this.namespace = namespace;
    this.image = image;
    this.kubeconfig = kubeconfig;
    this.taskManagerSlots = taskManagerSlots;
    this.jobsClaim = jobsClaim;
    this.settings = Collections.unmodifiableMap(new TreeMap<>(settings));
  }

  /** Cluster {@code baton-session} in namespace {@code baton}, image {@code flink:2.2.0-java17}, 2 slots, kubeconfig as kubectl finds it. */
  public static SessionSpec defaults() {
    return new SessionSpec("baton-session", "baton", "flink:2.2.0-java17", null, 2, null, Map.of());
  }

  public SessionSpec withName(String value) {
    return new SessionSpec(matching("name", value, CLUSTER_ID, "a DNS-1035 label of at most 45 characters"), namespace,
        image, kubeconfig, taskManagerSlots, jobsClaim, settings);
  }

  public SessionSpec withNamespace(String value) {
    return new SessionSpec(name, matching("namespace", value, NAMESPACE, "a DNS-1123 label"), image, kubeconfig,
        taskManagerSlots, jobsClaim, settings);
  }

  public SessionSpec withImage(String value) {
    if (value == null || value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("image must be an image reference without spaces, got '" + value + "'");
    }
    return new SessionSpec(name, namespace, value, kubeconfig, taskManagerSlots, jobsClaim, settings);
  }

  /** The kubeconfig file Flink's client reads ({@code kubernetes.config.file}); without one, kubectl's rules apply. */
  public SessionSpec withKubeconfig(Path value) {
    return new SessionSpec(name, namespace, image, Objects.requireNonNull(value, "kubeconfig"), taskManagerSlots, jobsClaim,
        settings);
  }

  public SessionSpec withTaskManagerSlots(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("taskManagerSlots must be at least 1, got " + value);
    }
    return new SessionSpec(name, namespace, image, kubeconfig, value, jobsClaim, settings);
  }

  /**
   * An existing PersistentVolumeClaim mounted read-only at {@link #JOBS_PATH} in the JobManager and every TaskManager
   * (through Flink's pod template): the folder a context's {@code flink.jobFiles} names, and job jars if you keep them there.
   */
  public SessionSpec withJobsClaim(String value) {
    return new SessionSpec(name, namespace, image, kubeconfig, taskManagerSlots,
        matching("jobsClaim", value, CLAIM, "a PersistentVolumeClaim name (DNS-1123 subdomain)"), settings);
  }

  /** Any Flink option, e.g. {@code kubernetes.service-account}; it wins over what the other fields set. */
  public SessionSpec withSetting(String key, String value) {
    if (key == null || key.isBlank() || value == null) {
      throw new IllegalArgumentException("a setting needs a key and a value, got " + key + "=" + value);
    }
    Map<String, String> next = new TreeMap<>(settings);
    next.put(key.strip(), value);
    return new SessionSpec(name, namespace, image, kubeconfig, taskManagerSlots, jobsClaim, next);
  }

  public String name() {
    return name;
  }

  public String namespace() {
    return namespace;
  }

  public String image() {
    return image;
  }

  public Optional<Path> kubeconfig() {
    return Optional.ofNullable(kubeconfig);
  }

  public int taskManagerSlots() {
    return taskManagerSlots;
  }

  public Optional<String> jobsClaim() {
    return Optional.ofNullable(jobsClaim);
  }

  public Map<String, String> settings() {
    return settings;
  }

  /** The rest Service's exposed type: ClusterIP unless a setting says otherwise. */
  public String restServiceType() {
    return flinkConfiguration().get(KubernetesConfigOptions.REST_SERVICE_EXPOSED_TYPE).name();
  }

  /**
   * The Flink configuration handed to {@code KubernetesClusterClientFactory}: target {@code kubernetes-session}, the
   * cluster id, namespace, image, kubeconfig, ClusterIP rest service, Flink's default process sizes (1600m / 1728m),
   * the slots, pods labelled {@code baton.io/flink=true}, then the settings.
   */
  public Configuration flinkConfiguration() {
    Configuration config = new Configuration();
    config.set(DeploymentOptions.TARGET, KubernetesDeploymentTarget.SESSION.getName());
    config.set(KubernetesConfigOptions.CLUSTER_ID, name);
    config.set(KubernetesConfigOptions.NAMESPACE, namespace);
    config.set(KubernetesConfigOptions.CONTAINER_IMAGE, image);
    if (kubeconfig != null) {
      config.set(KubernetesConfigOptions.KUBE_CONFIG_FILE, kubeconfig.toAbsolutePath().toString());
    }
    config.set(KubernetesConfigOptions.REST_SERVICE_EXPOSED_TYPE, ServiceExposedType.ClusterIP);
    config.set(JobManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.parse("1600m"));
    config.set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.parse("1728m"));
    config.set(TaskManagerOptions.NUM_TASK_SLOTS, taskManagerSlots);
    config.set(KubernetesConfigOptions.JOB_MANAGER_LABELS, POD_LABELS);
    config.set(KubernetesConfigOptions.TASK_MANAGER_LABELS, POD_LABELS);
    config.addAll(Configuration.fromMap(settings));
    return config;
  }

  private static String matching(String what, String value, Pattern pattern, String rule) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must be " + rule + ", got '" + value + "'");
    }
    return value;
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>(List.of("name=" + name, "namespace=" + namespace, "image=" + image,
        "taskManagerSlots=" + taskManagerSlots));
    if (kubeconfig != null) {
      parts.add("kubeconfig=" + kubeconfig);
    }
    if (jobsClaim != null) {
      parts.add("jobsClaim=" + jobsClaim);
    }
    settings.forEach((k, v) -> parts.add(k + "=" + v));
    return "SessionSpec[" + String.join(", ", parts) + "]";
  }
}
