package io.baton.k8s.session;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.flink.client.deployment.ClusterDeploymentException;
import org.apache.flink.client.deployment.ClusterSpecification;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.client.program.ClusterClientProvider;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptionsInternal;
import org.apache.flink.kubernetes.KubernetesClusterClientFactory;
import org.apache.flink.kubernetes.KubernetesClusterDescriptor;
import org.apache.flink.kubernetes.configuration.KubernetesConfigOptions;
import org.apache.flink.kubernetes.kubeclient.FlinkKubeClientFactory;
import org.apache.flink.kubernetes.kubeclient.decorators.ExternalServiceDecorator;
import org.apache.flink.kubernetes.shaded.io.fabric8.kubernetes.api.model.Service;
import org.apache.flink.kubernetes.shaded.io.fabric8.kubernetes.api.model.apps.Deployment;
import org.apache.flink.kubernetes.shaded.io.fabric8.kubernetes.client.KubernetesClientException;
import org.apache.flink.kubernetes.shaded.io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import org.apache.flink.kubernetes.utils.KubernetesUtils;
import org.apache.flink.util.FlinkException;

/**
 * A native Kubernetes Flink session cluster, started and stopped by Flink itself: {@code KubernetesClusterClientFactory}
 * and {@code KubernetesClusterDescriptor} from {@code flink-kubernetes} create the JobManager Deployment, its
 * ConfigMaps and Services (the Deployment owns them); the JobManager then creates TaskManager pods as jobs need slots.
 * Existence and status are read with Flink's own (shaded) fabric8 client, configured from the same options.
 *
 * <pre>{@code
 * SessionSpec spec = SessionSpec.defaults().withNamespace("flink");
 * SessionStatus started = NativeSession.up(spec);   // SessionException when it exists already
 * NativeSession.down(spec);                          // SessionException when there is none
 * }</pre>
 */
public final class NativeSession {
  private static final int PROBE_TIMEOUT_MS = 5_000;

  private NativeSession() {}

  /** Deploys the session cluster; refuses when its JobManager Deployment exists already. Returns its status afterwards. */
  public static SessionStatus up(SessionSpec spec) {
    Configuration config = checkedConfiguration(spec);
    if (status(spec, config).exists()) {
      throw new SessionException("session cluster '" + spec.name() + "' already exists in namespace " + spec.namespace()
          + "; nothing changed (baton k8s session down --name " + spec.name() + " removes it)");
    }
    Path staging = stage(spec, config);
    KubernetesClusterClientFactory factory = new KubernetesClusterClientFactory();
    try (KubernetesClusterDescriptor descriptor = factory.createClusterDescriptor(config)) {
      ClusterSpecification resources = factory.getClusterSpecification(config);
      ClusterClientProvider<String> provider = descriptor.deploySessionCluster(resources);
      try (ClusterClient<String> client = provider.getClusterClient()) {
        client.getWebInterfaceURL();
      }
    } catch (ClusterDeploymentException | RuntimeException e) {
      throw failure("could not start session cluster '" + spec.name() + "' in namespace " + spec.namespace(), spec, e);
    } finally {
      deleteStaging(staging);
    }
    return status(spec, config);
  }

  /**
   * A temporary folder Flink reads while deploying: a console logging config (Flink mounts it into the pods beside
   * config.yaml, so {@code kubectl logs} shows the logs) unless a config folder is set, and the jobs volume's pod
   * template when a claim is given (refused beside a pod template of the user's).
   */
  private static Path stage(SessionSpec spec, Configuration config) {
    Path staging;
    try {
      staging = Files.createTempDirectory("baton-session");
      if (!config.contains(DeploymentOptionsInternal.CONF_DIR)) {
        try (InputStream log = NativeSession.class.getResourceAsStream("log4j-console.properties")) {
          Files.copy(log, staging.resolve("log4j-console.properties"));
        }
        config.set(DeploymentOptionsInternal.CONF_DIR, staging.toString());
      }
    } catch (IOException e) {
      throw new SessionException("could not write the session's files to a temporary folder: " + e.getMessage(), e);
    }
    if (spec.jobsClaim().isPresent()) {
      String claim = spec.jobsClaim().get();
      for (ConfigOption<String> option : List.of(KubernetesConfigOptions.KUBERNETES_POD_TEMPLATE,
          KubernetesConfigOptions.JOB_MANAGER_POD_TEMPLATE, KubernetesConfigOptions.TASK_MANAGER_POD_TEMPLATE)) {
        if (config.contains(option)) {
          deleteStaging(staging);
          throw new SessionException("the jobs claim (" + claim + ") is mounted through a pod template, and "
              + option.key() + " is set too; mount the claim in your own pod template instead");
        }
      }
      config.set(KubernetesConfigOptions.KUBERNETES_POD_TEMPLATE, JobsPodTemplate.write(staging, claim).toString());
    }
    return staging;
  }

  private static void deleteStaging(Path staging) {
    try (Stream<Path> files = Files.walk(staging)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }

  /** Deletes the session cluster's JobManager Deployment (Kubernetes removes what it owns); refuses when there is none. */
  public static void down(SessionSpec spec) {
    Configuration config = checkedConfiguration(spec);
    if (!status(spec, config).exists()) {
      throw notFound(spec);
    }
    try (KubernetesClusterDescriptor descriptor = new KubernetesClusterClientFactory().createClusterDescriptor(config)) {
      descriptor.killCluster(spec.name());
    } catch (FlinkException | RuntimeException e) {
      throw failure("could not delete session cluster '" + spec.name() + "' in namespace " + spec.namespace(), spec, e);
    }
  }

  /** Whether the session exists, its JobManager replicas and its rest Service. */
  public static SessionStatus status(SessionSpec spec) {
    return status(spec, checkedConfiguration(spec));
  }

  /** The one-line refusal for a session that does not exist. */
  public static SessionException notFound(SessionSpec spec) {
    return new SessionException("no session cluster '" + spec.name() + "' in namespace " + spec.namespace());
  }

  private static SessionStatus status(SessionSpec spec, Configuration config) {
    return withClient(spec, config, kube -> {
      Deployment deployment = kube.apps().deployments().inNamespace(spec.namespace())
          .withName(KubernetesUtils.getDeploymentName(spec.name())).get();
      if (deployment == null) {
        return new SessionStatus(spec.name(), spec.namespace(), false, 0, 0, Optional.empty(), Optional.empty());
      }
      String restName = ExternalServiceDecorator.getExternalServiceName(spec.name());
      Service rest = kube.services().inNamespace(spec.namespace()).withName(restName).get();
      int replicas = deployment.getSpec() == null || deployment.getSpec().getReplicas() == null ? 0
          : deployment.getSpec().getReplicas();
      int ready = deployment.getStatus() == null || deployment.getStatus().getReadyReplicas() == null ? 0
          : deployment.getStatus().getReadyReplicas();
      Optional<String> type = Optional.ofNullable(rest).map(s -> s.getSpec().getType());
      Optional<String> address = Optional.ofNullable(rest).flatMap(s -> s.getSpec().getPorts().stream().findFirst())
          .map(p -> restName + "." + spec.namespace() + ":" + p.getPort());
      return new SessionStatus(spec.name(), spec.namespace(), true, replicas, ready, type, address);
    });
  }

  private static Configuration checkedConfiguration(SessionSpec spec) {
    spec.kubeconfig().filter(f -> !Files.isRegularFile(f)).ifPresent(f -> {
      throw new SessionException("kubeconfig " + f + " is not a file");
    });
    return spec.flinkConfiguration();
  }

  private static <T> T withClient(SessionSpec spec, Configuration config, Function<NamespacedKubernetesClient, T> call) {
    NamespacedKubernetesClient kube;
    try {
      kube = FlinkKubeClientFactory.getInstance().createFabric8ioKubernetesClient(config);
    } catch (RuntimeException e) {
      throw failure("could not configure a Kubernetes client", spec, e);
    }
    try (kube) {
      probe(spec, kube.getMasterUrl());
      return call.apply(kube);
    } catch (KubernetesClientException e) {
      if (causedByIo(e)) {
        throw new SessionException("no Kubernetes cluster reachable at " + kube.getMasterUrl() + ": " + rootMessage(e), e);
      }
      throw new SessionException("Kubernetes at " + kube.getMasterUrl() + " refused: "
          + apiRefusal(e).orElseGet(() -> e.getCode() + " " + rootMessage(e)), e);
    }
  }

  /** A TCP connect to the API server, bounded: fabric8 would retry a refused connection with backoff for many seconds. */
  private static void probe(SessionSpec spec, URL master) {
    int port = master.getPort() != -1 ? master.getPort() : master.getDefaultPort();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(master.getHost(), port), PROBE_TIMEOUT_MS);
    } catch (IOException e) {
      String why = e instanceof UnknownHostException ? "unknown host " + master.getHost()
          : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new SessionException("no Kubernetes cluster reachable at " + master + ": " + why + kubeconfigHint(spec), e);
    }
  }

  /** When no kubeconfig was given or found, fabric8 falls back to the in-cluster address: say so. */
  private static String kubeconfigHint(SessionSpec spec) {
    String env = System.getenv("KUBECONFIG");
    boolean found = spec.kubeconfig().isPresent() || (env != null && !env.isBlank())
        || Files.isRegularFile(Path.of(System.getProperty("user.home"), ".kube", "config"));
    return found ? "" : " (no kubeconfig: give --kubeconfig, set KUBECONFIG or write ~/.kube/config)";
  }

  private static SessionException failure(String what, SessionSpec spec, Throwable e) {
    if (e instanceof SessionException s) {
      return s;
    }
    if (causedByIo(e)) {
      return new SessionException(what + ": no Kubernetes cluster reachable: " + rootMessage(e), e);
    }
    return new SessionException(what + ": " + apiRefusal(e).orElseGet(() -> rootMessage(e)), e);
  }

  /** The API server's own answer ({@code 403 Forbidden: configmaps is forbidden: ...}) when the failure is one. */
  private static Optional<String> apiRefusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof KubernetesClientException k && k.getStatus() != null && k.getStatus().getMessage() != null) {
        String reason = k.getStatus().getReason() == null ? "" : " " + k.getStatus().getReason();
        return Optional.of(k.getCode() + reason + ": " + k.getStatus().getMessage().lines().findFirst().orElse(""));
      }
    }
    return Optional.empty();
  }

  private static boolean causedByIo(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** The innermost cause's message on one line. */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }
}
