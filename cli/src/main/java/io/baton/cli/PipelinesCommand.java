package io.baton.cli;

import io.baton.flink.deploy.FlinkRest;
import io.baton.stack.LocalStack;
import io.baton.stack.Ports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code baton pipelines}: what a job jar offers, each registered definition with its pipeline's name or, if it is
 * broken, why; and whether the jar can run on the cluster. Needs no running stack; with {@code --context}, also
 * which of them run on that context's Flink cluster (jobs named {@code <pipeline>/<stage>} that have not ended).
 *
 * <pre>{@code
 * baton pipelines --jar target/orders-job.jar --context shared
 * Pipelines in orders-job.jar
 *   orders    com.acme.OrdersPipeline  (runs on shared: 2 jobs)
 *   broken    com.acme.Refunds: define() threw java.lang.IllegalStateException: no refunds topic
 * }</pre>
 */
@Command(name = "pipelines", mixinStandardHelpOptions = true,
    description = "List the pipelines a job jar offers, and the broken ones with their errors.")
final class PipelinesCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--jar", paramLabel = "<file>", description = "Job jar to look into (default: the examples).")
  Path jar;

  @Mixin
  ContextOptions context;

  @Mixin
  StackOptions stack;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (JobJar jobJar = JobJar.open(jar)) {
      out.println("Pipelines in " + jobJar.path().getFileName());
      int width = jobJar.offered().stream().filter(o -> !o.broken()).mapToInt(o -> o.name().length())
          .max().orElse(0);
      width = Math.max(width, "broken".length());
      Optional<Map<String, Long>> running = context.given() ? runningJobs() : Optional.empty();
      for (OfferedPipeline o : jobJar.offered()) {
        String label = o.broken() ? "broken" : o.name();
        long jobs = running.map(r -> r.getOrDefault(o.name() + "/", 0L)).orElse(0L);
        out.println("  " + label + " ".repeat(width - label.length() + 2)
            + (o.broken() ? o.className() + ": " + o.error() : o.className())
            + (o.broken() || jobs == 0 ? "" : "  (runs on " + context.named(ContextsFile.environment()).name() + ": "
                + jobs + (jobs == 1 ? " job)" : " jobs)")));
      }
      for (String missing : jobJar.missingForRun()) {
        out.println("cannot run on the cluster: " + missing + ", shaded into the job jar");
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** Jobs that have not ended on the context's Flink, counted by {@code <pipeline>/}; empty (with a warning) if unreachable. */
  private Optional<Map<String, Long>> runningJobs() throws Exception {
    Context named = context.named(ContextsFile.environment());
    String url = named.isLocal() ? new LocalStack(stack.config(Ports.defaults())).endpoints().flinkWebUrl()
        : named.flinkRest();
    try {
      List<FlinkRest.Job> jobs = new FlinkRest(url).jobs();
      return Optional.of(jobs.stream().filter(j -> !List.of("FINISHED", "CANCELED", "FAILED").contains(j.state()))
          .filter(j -> j.name().contains("/"))
          .collect(Collectors.groupingBy(j -> j.name().substring(0, j.name().indexOf('/') + 1), Collectors.counting())));
    } catch (IOException | RuntimeException e) {
      spec.commandLine().getErr().println("baton: warning: cannot tell which pipelines run on context '" + named.name()
          + "': Flink at " + url + " did not answer (" + e.getMessage() + ")");
      return Optional.empty();
    }
  }
}
