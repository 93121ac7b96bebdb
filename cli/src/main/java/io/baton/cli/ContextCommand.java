package io.baton.cli;

import io.baton.connectors.SecretKeys;
import io.baton.k8s.K8sSettings;
import io.baton.stack.LocalStack;
import io.baton.stack.Ports;
import io.baton.stack.StackEndpoints;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code baton context list|use|show}: the contexts of the contexts file ({@code $BATON_CONFIG}, else
 * {@code ~/.config/baton/config.yaml}), which one commands use, and what one holds, secrets masked and references
 * shown as written (never resolved).
 *
 * <pre>{@code
 * baton context list
 * baton context use shared
 * baton context show            # the current one
 * }</pre>
 */
@Command(name = "context", mixinStandardHelpOptions = true,
    description = "List, choose and show contexts: the servers commands talk to (local: the local stack).",
    subcommands = {ContextCommand.ListContexts.class, ContextCommand.UseContext.class, ContextCommand.ShowContext.class})
final class ContextCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  static ContextsFile file() {
    return ContextsFile.at(ContextsFile.location(ContextsFile.environment()));
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the contexts; * marks the current one.")
  static final class ListContexts implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Contexts contexts = file().load();
      out.printf("%-2s%-16s%-36s%s%n", "", "NAME", "FLINK", "KAFKA");
      for (Context c : contexts.all()) {
        String flink = c.isLocal() ? "the local stack (./baton up)" : c.isKubernetes() ? "kubernetes: "
            + c.kube().settings().namespace() + "/" + c.kube().settings().sessionDeployment() : c.flinkRest();
        String kafka = c.isLocal() ? "" : c.isKubernetes() ? c.kube().settings().bootstrapServers() + " (in the cluster)"
            : c.kafka().bootstrapServers();
        out.printf("%-2s%-16s%-36s%s%n", c.name().equals(contexts.current()) ? "*" : "", c.name(), flink, kafka);
      }
      out.println("contexts file: " + contexts.file() + (contexts.file().toFile().exists() ? "" : " (none yet)"));
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "use", mixinStandardHelpOptions = true, description = "Make a context the current one.")
  static final class UseContext implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<name>", description = "A context, or local.")
    String name;

    @Override
    public Integer call() {
      ContextsFile file = file();
      file.use(name);
      spec.commandLine().getOut().println("Commands now use context " + name + " (" + file.path() + ")");
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Show a context (default: the current one); secrets are masked, references shown as written.")
  static final class ShowContext implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StackOptions stack;

    @Parameters(paramLabel = "<name>", arity = "0..1", description = "A context (default: the current one).")
    String name;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      Contexts contexts = file().load();
      Context c = contexts.select(Optional.ofNullable(name));
      out.println("context: " + c.name() + (c.name().equals(contexts.current()) ? " (current)" : ""));
      if (c.isLocal()) {
        StackEndpoints e = new LocalStack(stack.config(stack.rememberedPorts())).endpoints();
        out.println("the local stack (./baton up):");
        out.println("  flink.rest: " + e.flinkWebUrl());
        out.println("  kafka.bootstrap: " + e.kafkaBootstrapServers());
        out.println("  registry.url: " + e.registryUrl());
        out.println("  topics: the broker's defaults");
      } else {
        out.print(describe(c));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** A context as YAML, secrets masked (see {@link SecretKeys#shown}), property files named but not read. */
  static String describe(Context c) {
    StringBuilder sb = new StringBuilder();
    sb.append("file: ").append(c.origin().map(Path::toString).orElse("")).append('\n');
    if (c.isKubernetes()) {
      return sb.append(describeKubernetes(c.kube())).toString();
    }
    sb.append("flink:\n  rest: ").append(c.flinkRest()).append('\n');
    c.jobFiles().ifPresent(p -> sb.append("  jobFiles: ").append(p).append('\n'));
    c.savepoints().ifPresent(p -> sb.append("  savepoints: ").append(p).append('\n'));
    sb.append("kafka:\n  bootstrap: ").append(c.kafka().bootstrapServers()).append('\n');
    properties(sb, c.kafka().properties());
    c.kafka().propertiesFile().ifPresent(p -> sb.append("  propertiesFile: ").append(p).append("   # not shown\n"));
    sb.append("registry:\n  url: ").append(c.registry().url()).append('\n');
    properties(sb, c.registry().properties());
    c.registry().propertiesFile().ifPresent(p -> sb.append("  propertiesFile: ").append(p).append("   # not shown\n"));
    sb.append("topics:\n");
    sb.append("  partitions: ").append(c.topics().partitions().map(String::valueOf).orElse("the broker's default")).append('\n');
    sb.append("  replicationFactor: ").append(c.topics().replicationFactor().map(String::valueOf)
        .orElse("the broker's default")).append('\n');
    if (!c.topics().configs().isEmpty()) {
      sb.append("  configs:\n");
      c.topics().configs().forEach((k, v) -> sb.append("    ").append(k).append(": ").append(v).append('\n'));
    }
    c.lineage().ifPresent(l -> sb.append("lineage: ").append(l).append("   # OpenLineage run events\n"));
    return sb.toString();
  }

  /** A context of kind kubernetes: the cluster, where the resources go, Kafka and registry as the jobs reach them. */
  static String describeKubernetes(KubeTarget kube) {
    K8sSettings s = kube.settings();
    return "kind: kubernetes\n"
        + "kubernetes:\n"
        + "  kubeconfig: " + kube.kubeconfig().map(Path::toString).orElse("as kubectl ($KUBECONFIG, else ~/.kube/config)") + "\n"
        + "  namespace: " + s.namespace() + "\n"
        + "  session: " + s.sessionDeployment() + "   # the FlinkDeployment the FlinkSessionJobs run on\n"
        + "  jarURI: " + kube.jarUri().orElse(KubeTarget.JOBS_DIR + "<the job jar's file name>") + "\n"
        + "  kafkaCluster: " + s.kafkaCluster() + "   # Strimzi's Kafka of the KafkaTopics and KafkaUsers\n"
        + "kafka:\n  bootstrap: " + s.bootstrapServers() + "   # as the stage jobs reach it in the cluster\n"
        + "registry:\n  url: " + s.registryUrl() + "   # as the stage jobs reach it in the cluster\n";
  }

  private static void properties(StringBuilder sb, Map<String, String> properties) {
    if (!properties.isEmpty()) {
      sb.append("  properties:\n");
      properties.forEach((k, v) -> sb.append("    ").append(k).append(": ").append(SecretKeys.shown(k, v)).append('\n'));
    }
  }
}
