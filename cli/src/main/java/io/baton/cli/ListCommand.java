package io.baton.cli;

import io.baton.flink.deploy.FlinkRest;
import io.baton.flink.status.PipelineSummary;
import io.baton.flink.status.StatusJson;
import io.baton.flink.status.StatusReader;
import io.baton.flink.status.StatusText;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code baton list}: every pipeline with jobs on the session cluster, one line each: stages running of those with a
 * job, and the worst state among them.
 *
 * <pre>{@code
 * PIPELINE                 RUNNING  WORST STATE
 * sensor-story             3/3      RUNNING
 * }</pre>
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the pipelines with jobs on the cluster.")
final class ListCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  StackOptions stack;

  @Mixin
  ContextOptions context;

  @Option(names = "--json", description = "As JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Cluster cluster = Cluster.of(context.select(), stack, null);
    PrintWriter out = spec.commandLine().getOut();
    try (StatusReader reader = new StatusReader(new FlinkRest(cluster.flinkUrl()), cluster.kafka())) {
      List<PipelineSummary> all;
      try {
        all = reader.list();
      } catch (java.io.IOException e) {
        throw new CliException(e.getMessage(), e);
      }
      out.print(json ? StatusJson.render(all) + "\n" : StatusText.render(all));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
