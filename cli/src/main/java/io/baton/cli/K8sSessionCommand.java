package io.baton.cli;

import io.baton.k8s.session.NativeSession;
import io.baton.k8s.session.SessionException;
import io.baton.k8s.session.SessionSpec;
import io.baton.k8s.session.SessionStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code baton k8s session up|down|status}: a native Kubernetes Flink session cluster, created and deleted by Flink's
 * own {@code KubernetesClusterDescriptor} (flink-kubernetes), for clusters without the Flink operator.
 *
 * <pre>{@code
 * baton k8s session up --namespace baton --image registry.example.com/baton/flink:2.2.0-java17 --set kubernetes.service-account=flink
 * baton k8s session status
 * baton k8s session down
 * }</pre>
 */
@Command(name = "session", mixinStandardHelpOptions = true,
    description = "A native Kubernetes Flink session cluster (Flink's KubernetesClusterDescriptor, no operator).",
    subcommands = {K8sSessionCommand.Up.class, K8sSessionCommand.Down.class, K8sSessionCommand.Status.class})
final class K8sSessionCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /** The options every session subcommand shares: which session, where. */
  static final class Target {
    @Option(names = "--name", paramLabel = "<id>", description = "Cluster id (default: baton-session).")
    String name;

    @Option(names = "--namespace", paramLabel = "<name>", description = "Namespace (default: baton).")
    String namespace;

    @Option(names = "--kubeconfig", paramLabel = "<file>",
        description = "kubeconfig to use (default: $KUBECONFIG or ~/.kube/config, as kubectl finds it).")
    Path kubeconfig;

    SessionSpec spec() {
      SessionSpec spec = SessionSpec.defaults();
      if (name != null) {
        spec = spec.withName(name);
      }
      if (namespace != null) {
        spec = spec.withNamespace(namespace);
      }
      if (kubeconfig != null) {
        spec = spec.withKubeconfig(kubeconfig);
      }
      return spec;
    }
  }

  /** Runs a session operation; its refusals and bad option values become one-line CLI errors. */
  static <T> T refusing(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (SessionException | IllegalArgumentException e) {
      throw new CliException(e.getMessage(), e);
    }
  }

  @Command(name = "up", mixinStandardHelpOptions = true,
      description = "Deploy the session cluster: JobManager Deployment, its ConfigMaps, a ClusterIP rest Service.")
  static final class Up implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Target target;

    @Option(names = "--image", paramLabel = "<image>", description = "Flink image (default: flink:2.2.0-java17).")
    String image;

    @Option(names = "--taskmanager-slots", paramLabel = "<n>", description = "Slots per TaskManager (default: 2).")
    Integer slots;

    @Option(names = "--jobs-claim", paramLabel = "<pvc>",
        description = "An existing PersistentVolumeClaim mounted read-only at /opt/baton/jobs in the JobManager and"
            + " TaskManagers (a context's flink.jobFiles; job jars if kept there).")
    String jobsClaim;

    @Option(names = "--set", paramLabel = "<key=value>",
        description = "A Flink option, e.g. kubernetes.service-account=flink (repeatable; wins over the defaults).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Override
    public Integer call() {
      SessionStatus status = refusing(() -> NativeSession.up(session()));
      PrintWriter out = spec.commandLine().getOut();
      out.println("Started " + status.describe());
      out.println("Web UI and REST API: kubectl -n " + status.namespace() + " port-forward svc/" + status.name()
          + "-rest 8081, then http://localhost:8081");
      out.flush();
      return ExitCodes.OK;
    }

    private SessionSpec session() {
      SessionSpec session = target.spec();
      if (image != null) {
        session = session.withImage(image);
      }
      if (slots != null) {
        session = session.withTaskManagerSlots(slots);
      }
      if (jobsClaim != null) {
        session = session.withJobsClaim(jobsClaim);
      }
      for (Map.Entry<String, String> e : settings.entrySet()) {
        session = session.withSetting(e.getKey(), e.getValue());
      }
      return session;
    }
  }

  @Command(name = "down", mixinStandardHelpOptions = true,
      description = "Delete the session cluster (its JobManager Deployment; Kubernetes deletes what it owns).")
  static final class Down implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Target target;

    @Override
    public Integer call() {
      SessionSpec session = refusing(target::spec);
      refusing(() -> {
        NativeSession.down(session);
        return null;
      });
      PrintWriter out = spec.commandLine().getOut();
      out.println("Deleted session cluster " + session.name() + " in namespace " + session.namespace());
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Whether the session cluster exists, its JobManager replicas ready and its rest Service; exit 1 when absent.")
  static final class Status implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Target target;

    @Override
    public Integer call() {
      SessionSpec session = refusing(target::spec);
      SessionStatus status = refusing(() -> NativeSession.status(session));
      if (!status.exists()) {
        throw new CliException(NativeSession.notFound(session).getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(status.describe());
      out.flush();
      return ExitCodes.OK;
    }
  }
}
