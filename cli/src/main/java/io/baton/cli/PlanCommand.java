package io.baton.cli;

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

  @Option(names = "--json", description = "Print the plan as JSON.")
  boolean json;

  @Option(names = "--jar", paramLabel = "<file>", description = "Job jar holding the pipeline (default: the examples).")
  Path jar;

  @Override
  public Integer call() throws Exception {
    try (JobJar jobJar = JobJar.open(jar)) {
      Plan plan = overrides.plan(jobJar.definition(pipeline));
      spec.commandLine().getOut().print(json ? PlanJson.render(plan) + "\n" : PlanText.render(plan));
      spec.commandLine().getOut().flush();
      for (String missing : jobJar.missingForRun()) {
        spec.commandLine().getErr().println("baton: warning: " + jobJar.path().getFileName() + " cannot run this plan: "
            + missing + ", shaded into the job jar");
      }
    }
    return ExitCodes.OK;
  }
}
