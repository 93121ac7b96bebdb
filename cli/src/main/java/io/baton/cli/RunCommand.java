package io.baton.cli;

import io.baton.flink.deploy.DeployRefusedException;
import io.baton.flink.deploy.Deployer;
import io.baton.flink.deploy.FlinkRest;
import io.baton.flink.deploy.NotEnoughSlotsException;
import io.baton.flink.plan.Plan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code baton run <pipeline>}: on the local stack, check the plan, create topics, register
 * schemas, upload the job jar once and start one Flink job per stage ({@code <pipeline>/<stage>}).
 *
 * <pre>{@code
 * baton run sensor-story
 * baton run sensor-story --bounded     # over what the inputs hold now, then finish
 * baton run sensor-story --registry-url https://registry:8081 --registry-basic-auth baton:s3cret
 * baton run sensor-story --context shared   # on the servers of a context (./baton context list)
 * baton run sensor-story --overrides prod.yaml   # with per-stage policy overrides (see baton plan --overrides)
 * }</pre>
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a pipeline on the local stack or a context's servers.")
final class RunCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  StackOptions stack;

  @Mixin
  ContextOptions context;

  @Mixin
  RegistryOptions registry;

  @Mixin
  OverridesOptions overrides;

  @Parameters(paramLabel = "<pipeline>", description = "Pipeline name, e.g. sensor-story.")
  String pipeline;

  @Option(names = "--bounded", description = "Read the inputs up to their current end (Flink BATCH mode), stage group after group, then finish.")
  boolean bounded;

  @Option(names = "--jar", paramLabel = "<file>", description = "Job jar holding the pipeline (default: the examples).")
  Path jar;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (JobJar jobJar = JobJar.open(jar)) {
      Plan plan = overrides.plan(jobJar.definition(pipeline));
      jobJar.requireRunnable();
      Cluster cluster = Cluster.of(context.select(), stack, registry);
      refuseIfRunning(new FlinkRest(cluster.target().flinkRestUrl()), plan);
      java.util.function.Consumer<String> progress = line -> {
        out.println(line);
        out.flush();
      };
      // Streaming runs are recorded, so stop can savepoint them and a stopped pipeline resumes from its savepoints.
      Map<String, String> jobs = bounded ? run(cluster, plan, jobJar.path(), true, progress)
          : DeployCommand.deploy(cluster.upgrade(plan.pipeline(), progress), plan, jobJar.path(),
              io.baton.flink.deploy.Upgrade.Options.DEFAULT).jobIds();
      out.println((bounded ? "Finished " : "Running ") + jobs.size() + " jobs of " + plan.pipeline() + "; watch them at "
          + cluster.target().flinkRestUrl());
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** Deploys a plan; a refused plan becomes one clear message listing every problem. */
  static Map<String, String> run(Cluster cluster, Plan plan, Path jar, boolean bounded,
      java.util.function.Consumer<String> progress) throws Exception {
    try {
      return new Deployer(cluster.target(), progress, cluster.lineage()).deploy(plan, jar, bounded);
    } catch (DeployRefusedException | NotEnoughSlotsException e) {
      throw new CliException(e.getMessage(), e);
    }
  }

  /** Two runs of one pipeline would fight over its consumer groups and transactional ids. */
  static void refuseIfRunning(FlinkRest flink, Plan plan) throws java.io.IOException {
    List<String> running = StopCommand.runningJobs(flink, plan.pipeline()).stream().map(FlinkRest.Job::name).toList();
    if (!running.isEmpty()) {
      throw new CliException("pipeline " + plan.pipeline() + " already runs (" + String.join(", ", running)
          + "); stop it first with: ./baton stop " + plan.pipeline() + ", or upgrade it in place with: ./baton deploy "
          + plan.pipeline());
    }
  }
}
