package io.baton.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code baton pipelines}: what a job jar offers, each registered definition with its pipeline's name or, if it is
 * broken, why; and whether the jar can run on the cluster. Needs no running stack.
 *
 * <pre>{@code
 * baton pipelines --jar target/orders-job.jar
 * Pipelines in orders-job.jar
 *   orders    com.acme.OrdersPipeline
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

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (JobJar jobJar = JobJar.open(jar)) {
      out.println("Pipelines in " + jobJar.path().getFileName());
      int width = jobJar.offered().stream().filter(o -> !o.broken()).mapToInt(o -> o.name().length())
          .max().orElse(0);
      width = Math.max(width, "broken".length());
      for (OfferedPipeline o : jobJar.offered()) {
        String label = o.broken() ? "broken" : o.name();
        out.println("  " + label + " ".repeat(width - label.length() + 2)
            + (o.broken() ? o.className() + ": " + o.error() : o.className()));
      }
      for (String missing : jobJar.missingForRun()) {
        out.println("cannot run on the cluster: " + missing + ", shaded into the job jar");
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
