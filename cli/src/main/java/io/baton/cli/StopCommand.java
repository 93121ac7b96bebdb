package io.baton.cli;

import io.baton.flink.deploy.FlinkRest;
import io.baton.flink.deploy.Upgrade;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code baton stop <pipeline>}: stops the pipeline's running jobs ({@code <pipeline>/<stage>}) each with a savepoint
 * and records it, so {@code run} or {@code deploy} resumes each stage from its savepoint (open windows included).
 * {@code --drain} lets the windows fire first; {@code --cancel} cancels without a savepoint (window state is lost; a
 * later run continues from the committed input offsets).
 *
 * <pre>{@code
 * baton stop sensor-story
 * baton stop sensor-story --drain
 * }</pre>
 */
@Command(name = "stop", mixinStandardHelpOptions = true,
    description = "Stop a running pipeline's jobs with savepoints that run and deploy resume from.")
final class StopCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  StackOptions stack;

  @Mixin
  ContextOptions context;

  @Parameters(paramLabel = "<pipeline>", description = "Pipeline name.")
  String pipeline;

  @Option(names = "--drain", description = "Let every window and batch fire before the savepoint (event time jumps to the end).")
  boolean drain;

  @Option(names = "--cancel", description = "Cancel without a savepoint: open windows and batches are lost.")
  boolean cancel;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Cluster cluster = Cluster.of(context.select(), stack, null);
    FlinkRest flink = new FlinkRest(cluster.flinkUrl());
    List<FlinkRest.Job> jobs = runningJobs(flink, pipeline);
    if (jobs.isEmpty()) {
      out.println("Pipeline " + pipeline + " is not running.");
    }
    if (!cancel && !jobs.isEmpty()) {
      Upgrade upgrade = cluster.upgrade(pipeline, line -> {
        out.println(Character.toUpperCase(line.charAt(0)) + line.substring(1));
        out.flush();
      });
      try {
        upgrade.stop(pipeline, drain, Upgrade.Options.DEFAULT.savepointTimeout());
      } catch (IOException e) {
        throw new CliException("stop of pipeline " + pipeline + ": " + e.getMessage()
            + "; ./baton stop " + pipeline + " --cancel stops it without a savepoint (open windows are lost)", e);
      }
      out.println("Stopped " + pipeline + "; ./baton run " + pipeline + " (or deploy) resumes it from the savepoints"
          + " (recorded in " + upgrade.recordFile() + ")");
      out.flush();
      return ExitCodes.OK;
    }
    Upgrade record = cluster.upgrade(pipeline, line -> { });
    for (FlinkRest.Job job : jobs) {
      flink.cancel(job.id());
      // Recorded as stopped without a savepoint: a later run starts it from the committed offsets (not a checkpoint).
      record.recordCancelled(pipeline, job.name().substring(pipeline.length() + 1));
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
