package io.baton.cli;

import io.baton.flink.deploy.DeployRefusedException;
import io.baton.flink.deploy.NotEnoughSlotsException;
import io.baton.flink.deploy.Upgrade;
import io.baton.flink.deploy.UpgradeDiff;
import io.baton.flink.plan.Plan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code baton deploy <pipeline>}: brings what runs in line with what the definition compiles to, stage by stage, by
 * stage version: new stages start, unchanged ones keep running, changed ones stop with a savepoint and start again
 * from it, removed ones stop with a savepoint, stopped ones resume. A changed stage whose state cannot restore is
 * refused unless {@code --drain} or {@code --allow-state-loss}; one that does not come up is rolled back.
 *
 * <pre>{@code
 * baton deploy sensor-story --dry-run        # the diff and each changed stage's decision
 * baton deploy sensor-story --jar target/my-pipeline.jar
 * baton deploy sensor-story --overrides prod.yaml   # the stage versions include the overrides
 * baton deploy sensor-story --context k8s-dev   # a kubernetes context: applies the FlinkSessionJobs and friends
 * baton deploy sensor-story --drain          # stages whose state cannot restore fire their windows first
 * }</pre>
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
    description = "Deploy a pipeline over what runs: start new stages, upgrade changed ones from savepoints, keep the rest.")
final class DeployCommand implements Callable<Integer> {
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

  @Option(names = "--jar", paramLabel = "<file>", description = "Job jar holding the pipeline (default: the examples).")
  Path jar;

  @Option(names = "--dry-run", description = "Print what would change, stage by stage, and change nothing.")
  boolean dryRun;

  @Option(names = "--allow-state-loss", description = "Start a changed stage whose state cannot restore without it.")
  boolean allowStateLoss;

  @Option(names = "--drain", description = "Stop a changed stage whose state cannot restore with a draining savepoint (its windows fire), then start it fresh.")
  boolean drain;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Consumer<String> progress = line -> {
      out.println("  " + line);
      out.flush();
    };
    try (JobJar jobJar = JobJar.open(jar)) {
      Plan plan = overrides.plan(jobJar.definition(pipeline));
      jobJar.requireRunnable();
      Context selected = context.select();
      if (selected.isKubernetes()) {
        // The Flink operator runs the jobs (savepoint upgrades are its FlinkSessionJobs' upgradeMode).
        out.println("Deploy " + plan.pipeline() + " to context " + selected.name() + " through the Kubernetes API");
        return K8sCommand.Apply.apply(out, selected.kube(), plan, jar, dryRun);
      }
      Cluster cluster = Cluster.of(selected, stack, registry);
      Upgrade upgrade = cluster.upgrade(plan.pipeline(), progress);
      Upgrade.Options options = Upgrade.Options.DEFAULT.allowStateLoss(allowStateLoss).drain(drain);
      List<UpgradeDiff.Step> steps = upgrade.diff(plan, options);
      out.println("Deploy " + plan.pipeline() + " to context " + cluster.context().name() + " (Flink at "
          + cluster.flinkUrl() + ")");
      steps.forEach(s -> out.println("  " + s));
      if (dryRun) {
        List<String> refused = UpgradeDiff.refusals(plan.pipeline(), steps);
        refused.forEach(r -> out.println("Refused: " + r));
        out.println("Dry run: nothing changed.");
        out.flush();
        return refused.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
      }
      out.flush();
      Upgrade.Outcome outcome = deploy(upgrade, plan, jobJar.path(), options);
      if (!outcome.rolledBack().isEmpty()) {
        throw new CliException("deploy of pipeline " + plan.pipeline() + " failed and was rolled back: "
            + String.join("; ", outcome.rolledBack().values().stream().toList()));
      }
      out.println("Deployed " + plan.pipeline() + ": " + summary(outcome.steps()) + "; watch it at " + cluster.flinkUrl());
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** Runs a deploy; a refused one (state, schemas, slots) and a Flink failure become one message naming the pipeline. */
  static Upgrade.Outcome deploy(Upgrade upgrade, Plan plan, Path jar, Upgrade.Options options) throws Exception {
    try {
      return upgrade.deploy(plan, jar, options);
    } catch (DeployRefusedException | NotEnoughSlotsException e) {
      throw new CliException(e.getMessage(), e);
    } catch (IOException e) {
      throw new CliException("deploy of pipeline " + plan.pipeline() + " stopped: " + e.getMessage()
          + "; what ran and what changed is in " + upgrade.recordFile(), e);
    }
  }

  private static String summary(List<UpgradeDiff.Step> steps) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    steps.forEach(s -> counts.merge(s.action().name().toLowerCase().replace('_', '-'), 1L, Long::sum));
    return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
        .collect(java.util.stream.Collectors.joining(", "));
  }
}
