package io.baton.cli;

import io.baton.flink.plan.Plan;
import io.baton.k8s.ApplyReport;
import io.baton.k8s.K8sApplyException;
import io.baton.k8s.K8sDeploy;
import io.baton.k8s.K8sSettings;
import io.baton.k8s.PipelineResources;
import io.baton.stack.RepoRoot;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code baton k8s render}: a pipeline's Kubernetes resources (stage jobs, topics, Kafka users with their ACLs, the
 * stages' client files) as a kustomization on an overlay of {@code k8s/}. Needs no cluster. {@code baton k8s apply}
 * applies the same objects through the Kubernetes API of a context of kind {@code kubernetes} ({@link K8sDeploy}).
 * {@code baton k8s session} ({@link K8sSessionCommand}) runs a native session cluster for clusters without the Flink
 * operator.
 *
 * <pre>{@code
 * baton k8s render sensor-story -o build/k8s/sensor-story --jar-uri https://artifacts.example.com/baton-examples.jar
 * kubectl apply -k build/k8s/sensor-story
 * baton k8s apply sensor-story --context k8s-dev --dry-run
 * }</pre>
 */
@Command(name = "k8s", mixinStandardHelpOptions = true, description = "Kubernetes: a pipeline's resources, a native session cluster.",
    subcommands = {K8sCommand.Render.class, K8sCommand.Apply.class, K8sSessionCommand.class})
final class K8sCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  @Command(name = "render", mixinStandardHelpOptions = true,
      description = "Write a pipeline's FlinkSessionJobs, KafkaTopics, KafkaUsers (ACLs from the plan) and kustomization.")
  static final class Render implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<pipeline>", description = "Pipeline name, e.g. sensor-story.")
    String pipeline;

    @Option(names = {"-o", "--output"}, paramLabel = "<dir>", required = true, description = "Folder to write into.")
    Path output;

    @Option(names = "--jar", paramLabel = "<file>", description = "Job jar holding the pipeline (default: the examples).")
    Path jar;

    @Option(names = "--jar-uri", paramLabel = "<uri>",
        description = "Where the Flink operator fetches the job jar (default: file:///opt/baton/jobs/<jar file name>).")
    String jarUri;

    @Option(names = "--overlay", paramLabel = "<dir>",
        description = "The k8s/ overlay to build on (default: k8s/overlays/dev of this Baton checkout).")
    Path overlay;

    @Option(names = "--namespace", paramLabel = "<name>", description = "Namespace (default: baton).")
    String namespace;

    @Option(names = "--bootstrap-servers", paramLabel = "<host:port>",
        description = "Kafka as the stage jobs reach it (default: baton-kafka-bootstrap:9092).")
    String bootstrapServers;

    @Option(names = "--registry-url", paramLabel = "<url>",
        description = "The registry's Confluent API (default: http://baton-registry:8080/apis/ccompat/v7).")
    String registryUrl;

    @Override
    public Integer call() throws Exception {
      Plan plan = JobJar.plan(jar, pipeline);
      String jarName = (jar != null ? jar : JobJar.defaultJar()).getFileName().toString();
      K8sSettings settings = K8sSettings.defaults()
          .withJarUri(jarUri != null ? jarUri : "file:///opt/baton/jobs/" + jarName)
          .withOverlay(overlayPath());
      if (namespace != null) {
        settings = settings.withNamespace(namespace);
      }
      if (bootstrapServers != null) {
        settings = settings.withBootstrapServers(bootstrapServers);
      }
      if (registryUrl != null) {
        settings = settings.withRegistryUrl(registryUrl);
      }
      PipelineResources resources = PipelineResources.render(plan, settings);
      resources.writeTo(output);
      PrintWriter out = spec.commandLine().getOut();
      out.println("Wrote " + String.join(", ", resources.files().keySet()) + " to " + output);
      out.println("Apply with: kubectl apply -k " + output);
      out.flush();
      return ExitCodes.OK;
    }

    /** The overlay as the kustomization names it: relative to the output folder. */
    private String overlayPath() {
      Path chosen = overlay != null ? overlay
          : RepoRoot.find().map(r -> r.resolve("k8s/overlays/dev")).filter(Files::isDirectory).orElse(null);
      if (chosen == null) {
        throw new CliException("--overlay: no k8s/overlays/dev found; name the kustomize overlay to build on");
      }
      if (!Files.isRegularFile(chosen.resolve("kustomization.yaml"))) {
        throw new CliException("--overlay " + chosen + " holds no kustomization.yaml");
      }
      return output.toAbsolutePath().normalize().relativize(chosen.toAbsolutePath().normalize()).toString();
    }
  }

  @Command(name = "apply", mixinStandardHelpOptions = true,
      description = "Create, update or delete a pipeline's FlinkSessionJobs, KafkaTopics, KafkaUsers and client ConfigMap"
          + " through the Kubernetes API of a context of kind kubernetes; the Flink operator then runs the jobs.")
  static final class Apply implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<pipeline>", description = "Pipeline name, e.g. sensor-story.")
    String pipeline;

    @Mixin
    ContextOptions context;

    @Option(names = "--jar", paramLabel = "<file>", description = "Job jar holding the pipeline (default: the examples).")
    Path jar;

    @Option(names = "--dry-run", description = "Report what would change; write nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
      return apply(spec.commandLine().getOut(), context.select().kube(), JobJar.plan(jar, pipeline), jar, dryRun);
    }

    /** Applies {@code plan}'s objects through {@code kube}'s API (also {@code baton deploy} on a kubernetes context). */
    static int apply(PrintWriter out, KubeTarget kube, Plan plan, Path jar, boolean dryRun) throws Exception {
      K8sSettings settings = kube.settings(jar != null ? jar : JobJar.defaultJar());
      try (KubernetesClient client = K8sDeploy.connect(kube.kubeconfig().orElse(null))) {
        ApplyReport report = dryRun ? K8sDeploy.dryRun(plan, settings, client) : K8sDeploy.apply(plan, settings, client);
        out.print(report);
        out.flush();
        return ExitCodes.OK;
      } catch (K8sApplyException e) {
        throw new CliException(e.getMessage(), e);
      }
    }
  }
}
