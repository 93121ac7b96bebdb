package io.baton.cli;

import io.baton.flink.deploy.FlinkRest;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code baton stop <pipeline>}: cancels the pipeline's running jobs ({@code <pipeline>/<stage>}).
 * Their output so far stays committed; a later run continues from the committed input offsets.
 *
 * <pre>{@code
 * baton stop sensor-story
 * }</pre>
 */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop a running pipeline's jobs.")
final class StopCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  StackOptions stack;

  @Mixin
  ContextOptions context;

  @Parameters(paramLabel = "<pipeline>", description = "Pipeline name.")
  String pipeline;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    FlinkRest flink = new FlinkRest(Cluster.of(context.select(), stack, null).flinkUrl());
    List<FlinkRest.Job> jobs = runningJobs(flink, pipeline);
    if (jobs.isEmpty()) {
      out.println("Pipeline " + pipeline + " is not running.");
    }
    for (FlinkRest.Job job : jobs) {
      flink.cancel(job.id());
      out.println("Cancelled " + job.name() + " (" + job.id() + ")");
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** The pipeline's jobs that have not ended. */
  static List<FlinkRest.Job> runningJobs(FlinkRest flink, String pipeline) throws IOException {
    return flink.jobs().stream()
        .filter(j -> j.name().startsWith(pipeline + "/"))
        .filter(j -> !List.of("FINISHED", "CANCELED", "FAILED").contains(j.state()))
        .toList();
  }
}
