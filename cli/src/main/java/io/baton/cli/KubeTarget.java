package io.baton.cli;

import io.baton.k8s.K8sSettings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a context of kind {@code kubernetes} deploys: the cluster (a kubeconfig, else the one kubectl uses), and the
 * settings the pipeline's resources are rendered with (namespace, session FlinkDeployment, Strimzi cluster, Kafka and
 * registry as the stage jobs reach them inside the cluster) and, if set, the job jar's URI.
 *
 * <pre>{@code
 * KubeTarget dev = KubeTarget.of(null, K8sSettings.defaults().withNamespace("baton"), "file:///opt/baton/jobs/baton-examples.jar");
 * dev.settings(Path.of("baton-examples.jar"));   // jarURI as given, else file:///opt/baton/jobs/<file name>
 * }</pre>
 */
final class KubeTarget {
  /** Where the session cluster's image keeps the job jars (k8s/base), for a context that names no jarURI. */
  static final String JOBS_DIR = "file:///opt/baton/jobs/";

  private final Path kubeconfig;
  private final K8sSettings settings;
  private final String jarUri;

  private KubeTarget(Path kubeconfig, K8sSettings settings, String jarUri) {
    this.kubeconfig = kubeconfig;
    this.settings = settings;
    this.jarUri = jarUri;
  }

  /** {@code kubeconfig} and {@code jarUri} may be null (kubectl's kubeconfig; the jar in the image's jobs folder). */
  static KubeTarget of(Path kubeconfig, K8sSettings settings, String jarUri) {
    return new KubeTarget(kubeconfig, settings, jarUri == null ? null : settings.withJarUri(jarUri).jarUri());
  }

  Optional<Path> kubeconfig() {
    return Optional.ofNullable(kubeconfig);
  }

  Optional<String> jarUri() {
    return Optional.ofNullable(jarUri);
  }

  /** The settings for a job jar: the context's jarURI if it has one, else {@code file:///opt/baton/jobs/<jar's name>}. */
  K8sSettings settings(Path jar) {
    return settings.withJarUri(jarUri != null ? jarUri : JOBS_DIR + jar.getFileName());
  }

  /** The settings as the context gives them (the jar URI aside). */
  K8sSettings settings() {
    return settings;
  }

  @Override
  public String toString() {
    return "KubeTarget.of(" + kubeconfig + ", " + settings + ", " + jarUri + ")";
  }
}
