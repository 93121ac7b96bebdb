package io.baton.cli;

import io.baton.connectors.KafkaClientConfig;
import io.baton.flink.deploy.FlinkRest;
import io.baton.flink.deploy.PipelineReset;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedTopic;
import io.baton.stack.Component;
import io.baton.stack.ComponentStatus;
import io.baton.stack.LocalStack;
import io.baton.stack.Ports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code baton reset <pipeline> --yes}: deletes what runs of the pipeline left in Kafka, its handoff, output and
 * dead-letter topics and its stages' consumer groups, so the next run starts from nothing. Outside input topics and
 * the registry's subjects are kept. Without {@code --yes} it lists what it would delete and deletes nothing.
 *
 * <pre>{@code
 * baton reset sensor-story          # lists, exits 1
 * baton reset sensor-story --yes    # deletes
 * }</pre>
 */
@Command(name = "reset", mixinStandardHelpOptions = true,
    description = "Delete a pipeline's handoff, output and dead-letter topics and consumer groups (inputs are kept).")
final class ResetCommand implements Callable<Integer> {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Spec
  CommandSpec spec;

  @Mixin
  StackOptions stack;

  @Mixin
  ContextOptions context;

  @Parameters(paramLabel = "<pipeline>", description = "Pipeline name, e.g. sensor-story.")
  String pipeline;

  @Option(names = "--yes", description = "Really delete; without it, reset only lists what it would delete.")
  boolean yes;

  @Option(names = "--jar", paramLabel = "<file>", description = "Job jar holding the pipeline (default: the examples).")
  Path jar;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Plan plan = JobJar.plan(jar, pipeline);
    KafkaClientConfig kafkaConfig = kafkaOf(context.select(), plan);
    String kafka = kafkaConfig.bootstrapServers();
    try (PipelineReset reset = new PipelineReset(kafkaConfig)) {
      PipelineReset.Scope scope = reset.scope(plan);
      if (scope.isEmpty()) {
        out.println("Nothing to reset: pipeline " + plan.pipeline() + " has no topics or consumer groups in Kafka at "
            + kafka + ".");
        out.flush();
        return ExitCodes.OK;
      }
      out.println((yes ? "Deleting" : "Would delete") + " from Kafka at " + kafka + " (pipeline " + plan.pipeline() + "):");
      for (PlannedTopic t : scope.topics()) {
        out.println("  topic " + t.name() + " (" + t.role() + ")");
      }
      scope.consumerGroups().forEach(g -> out.println("  consumer group " + g));
      if (!scope.keptInputs().isEmpty()) {
        out.println("Kept: input topic" + (scope.keptInputs().size() > 1 ? "s " : " ") + String.join(", ", scope.keptInputs())
            + "; the registry's subjects.");
      }
      out.flush();
      if (!yes) {
        throw new CliException("nothing was deleted; to delete the above, run: ./baton reset " + plan.pipeline() + " --yes");
      }
      reset.delete(scope, TIMEOUT);
      // Its savepoints hold offsets of the deleted topics: the next run starts every stage fresh.
      java.nio.file.Files.deleteIfExists(Cluster.deploymentRecord(context.select(), stack, plan.pipeline()));
      out.println("Deleted " + scope.topics().size() + " topics and " + scope.consumerGroups().size()
          + " consumer groups of " + plan.pipeline() + "; the next run creates the topics again.");
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** The context's Kafka, once it is clear that the pipeline does not run there. */
  private KafkaClientConfig kafkaOf(Context where, Plan plan) throws Exception {
    if (where.isLocal()) {
      LocalStack local = new LocalStack(stack.config(Ports.defaults()));
      refuseWhileItRuns(local, plan);
      return Cluster.localKafka(local.endpoints());
    }
    Cluster cluster = Cluster.of(where, stack, null);
    refuseIfRunning(new FlinkRest(cluster.flinkUrl()), plan);
    return cluster.kafka();
  }

  /** Kafka must answer; a pipeline whose jobs run on the session cluster is stopped first. */
  private static void refuseWhileItRuns(LocalStack local, Plan plan) throws Exception {
    List<ComponentStatus> status = local.status();
    for (ComponentStatus s : status) {
      if (s.component() == Component.KAFKA && !s.isUp()) {
        throw new CliException("kafka is not running; start the local stack with: ./baton up");
      }
      if (s.component() == Component.JOBMANAGER && s.isUp()) {
        refuseIfRunning(new FlinkRest(local.endpoints().flinkWebUrl()), plan);
      }
    }
  }

  private static void refuseIfRunning(FlinkRest flink, Plan plan) throws java.io.IOException {
    List<String> running = StopCommand.runningJobs(flink, plan.pipeline()).stream().map(FlinkRest.Job::name).toList();
    if (!running.isEmpty()) {
      throw new CliException("pipeline " + plan.pipeline() + " runs (" + String.join(", ", running)
          + "); nothing was deleted; stop it first with: ./baton stop " + plan.pipeline() + ", then reset it");
    }
  }
}
