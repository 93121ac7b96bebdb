package io.baton.k8s.session;

import java.nio.file.Files;
import java.util.Optional;
import java.util.function.Function;
import org.apache.flink.client.deployment.ClusterDeploymentException;
import org.apache.flink.client.deployment.ClusterSpecification;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.client.program.ClusterClientProvider;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.kubernetes.KubernetesClusterClientFactory;
import org.apache.flink.kubernetes.KubernetesClusterDescriptor;
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
  private NativeSession() {}

  /** Deploys the session cluster; refuses when its JobManager Deployment exists already. Returns its status afterwards. */
  public static SessionStatus up(SessionSpec spec) {
    Configuration config = checkedConfiguration(spec);
    if (status(spec, config).exists()) {
      throw new SessionException("session cluster '" + spec.name() + "' already exists in namespace " + spec.namespace()
          + "; nothing changed (baton k8s session down --name " + spec.name() + " removes it)");
    }
    SessionFiles files = SessionFiles.stage(spec, config);
    KubernetesClusterClientFactory factory = new KubernetesClusterClientFactory();
    try (KubernetesClusterDescriptor descriptor = factory.createClusterDescriptor(config)) {
      ClusterSpecification resources = factory.getClusterSpecification(config);
      // with a ClusterIP rest Service this creates the objects and reads the Service back; it waits for no pod
      ClusterClientProvider<String> provider = descriptor.deploySessionCluster(resources);
      try (ClusterClient<String> client = provider.getClusterClient()) {
        client.getWebInterfaceURL();
      }
    } catch (ClusterDeploymentException | RuntimeException e) {
      throw KubeErrors.failure("could not start session cluster '" + spec.name() + "' in namespace " + spec.namespace(), e);
    } finally {
      files.delete();
    }
    return status(spec, config);
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
      throw KubeErrors.failure("could not delete session cluster '" + spec.name() + "' in namespace " + spec.namespace(), e);
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

  /** Runs {@code call} with Flink's fabric8 client after checking that the API server can be reached at all. */
  private static <T> T withClient(SessionSpec spec, Configuration config, Function<NamespacedKubernetesClient, T> call) {
    NamespacedKubernetesClient kube;
    try {
      kube = FlinkKubeClientFactory.getInstance().createFabric8ioKubernetesClient(config);
    } catch (RuntimeException e) {
      throw KubeErrors.failure("could not configure a Kubernetes client", e);
    }
    try (kube) {
      KubeErrors.probe(spec, kube.getMasterUrl());
      return call.apply(kube);
    } catch (KubernetesClientException e) {
      throw KubeErrors.callFailed(kube.getMasterUrl(), e);
    }
  }
}
