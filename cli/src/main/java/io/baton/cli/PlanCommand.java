package io.baton.cli;

import io.baton.flink.deploy.TopicDefaults;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlanJson;
import io.baton.flink.plan.PlanText;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code baton plan <pipeline>}: the compiled plan, readably (the DAG, each stage's policies,
 * what runs together, topics, subjects) or as JSON. Needs no running stack.
 *
 * <pre>{@code
 * baton plan sensor-story
 * baton plan nexmark-hot-items --json
 * baton plan sensor-story --overrides prod.yaml    # the effective plan: policies as the file changes them
 * baton plan sensor-story --context shared         # and where run --context shared would put it
 * }</pre>
 */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Show how a pipeline compiles to Flink jobs.")
final class PlanCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "<pipeline>", description = "Pipeline name, e.g. sensor-story.")
  String pipeline;

  @Mixin
  OverridesOptions overrides;

  @Mixin
  ContextOptions context;

  @Option(names = "--json", description = "Print the plan as JSON.")
  boolean json;

  @Option(names = "--jar", paramLabel = "<file>", description = "Job jar holding the pipeline (default: the examples).")
  Path jar;

  @Override
  public Integer call() throws Exception {
    try (JobJar jobJar = JobJar.open(jar)) {
      Plan plan = overrides.plan(jobJar.definition(pipeline));
      spec.commandLine().getOut().print(json ? PlanJson.render(plan) + "\n" : PlanText.render(plan)
          + (context.given() ? where(context.named(ContextsFile.environment())) : ""));
      spec.commandLine().getOut().flush();
      for (String missing : jobJar.missingForRun()) {
        spec.commandLine().getErr().println("baton: warning: " + jobJar.path().getFileName() + " cannot run this plan: "
            + missing + ", shaded into the job jar");
      }
    }
    return ExitCodes.OK;
  }

  /** Where {@code run --context} would put the plan: the context's servers and how its topics are created. */
  static String where(Context context) {
    StringBuilder s = new StringBuilder("\nContext ").append(context.name()).append('\n');
    if (context.isLocal()) {
      return s.append("    the local stack (./baton up); topics with the broker's defaults\n").toString();
    }
    if (context.isKubernetes()) {
      return s.append(String.format("    %-11s%s%n", "kubernetes", "namespace " + context.kube().settings().namespace()
          + ", session " + context.kube().settings().sessionDeployment() + " (baton k8s apply)")).toString();
    }
    s.append(String.format("    %-11s%s%n", "flink", context.flinkRest()));
    s.append(String.format("    %-11s%s%n", "kafka", context.kafka().bootstrapServers()));
    s.append(String.format("    %-11s%s%n", "registry", context.registry().url()));
    s.append(String.format("    %-11s%s%n", "topics", topics(context.topics())));
    return s.toString();
  }

  /** {@code 6 partitions where a stage declares none, replication factor 3, configs min.insync.replicas=2}. */
  static String topics(TopicDefaults defaults) {
    return defaults.partitions().map(p -> p + " partitions").orElse("the broker's partitions")
        + " where a stage declares none, "
        + defaults.replicationFactor().map(r -> "replication factor " + r).orElse("the broker's replication factor")
        + (defaults.configs().isEmpty() ? "" : ", configs " + defaults.configs().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(", ")));
  }
}
