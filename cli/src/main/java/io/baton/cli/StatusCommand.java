package io.baton.cli;

import io.baton.flink.deploy.FlinkRest;
import io.baton.flink.plan.Plan;
import io.baton.flink.status.PipelineStatus;
import io.baton.flink.status.StatusJson;
import io.baton.flink.status.StatusReader;
import io.baton.flink.status.StatusText;
import io.baton.stack.ComponentStatus;
import io.baton.stack.LocalStack;
import io.baton.stack.Ports;
import io.baton.stack.StackException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code baton status}: one line per server of the local stack, up or down, with its endpoint (exit code 0 either
 * way). {@code baton status <pipeline>}: per stage its job's state and uptime, stage version, records in/out/dead
 * letters/late, consumer lag, last checkpoint and back-pressure; exit code 3 ({@link ExitCodes#NOT_RUNNING}) when a
 * stage is not running as deployed.
 *
 * <pre>{@code
 * baton status                                  # the local stack
 * baton status sensor-story --json              # for tools
 * baton status sensor-story --watch 5s          # refreshes until interrupted
 * until baton status sensor-story >/dev/null; do sleep 2; done
 * }</pre>
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show which servers of the local stack run, or how a pipeline's stages are doing.")
final class StatusCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  StackOptions stack;

  @Mixin
  ContextOptions context;

  @Parameters(paramLabel = "<pipeline>", arity = "0..1", description = "A pipeline (default: the local stack's servers).")
  String pipeline;

  @Option(names = "--json", description = "The pipeline's status as JSON.")
  boolean json;

  @Option(names = "--watch", arity = "0..1", fallbackValue = "2s", paramLabel = "<interval>",
      description = "Refresh every interval (default 2s; 500ms, 5s, 1m) until interrupted; put it after the pipeline.")
  String watch;

  @Option(names = "--jar", paramLabel = "<file>", description = "Job jar holding the pipeline (default: the examples).")
  Path jar;

  @Override
  public Integer call() throws Exception {
    if (pipeline == null) {
      if (json || watch != null || jar != null) {
        throw new CliException("--json, --watch and --jar need a pipeline: baton status <pipeline> --json");
      }
      return stackStatus(spec.commandLine().getOut());
    }
    Duration interval = watch == null ? null : WatchInterval.parse(watch);
    Plan plan = JobJar.plan(jar, pipeline);
    Cluster cluster = Cluster.of(context.select(), stack, null);
    PrintWriter out = spec.commandLine().getOut();
    try (StatusReader reader = new StatusReader(new FlinkRest(cluster.flinkUrl()), cluster.kafka())) {
      while (true) {
        PipelineStatus status = read(reader, plan, cluster);
        if (interval != null && !json) {
          out.print("\033[H\033[2J"); // clear the terminal, like watch(1)
        }
        out.print(json ? StatusJson.render(status) + "\n" : StatusText.render(status));
        out.flush();
        int code = status.runningAsDeployed() ? ExitCodes.OK : ExitCodes.NOT_RUNNING;
        if (interval == null) {
          return code;
        }
        try {
          Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return code;
        }
      }
    }
  }

  /** Reads the status; a server that does not answer is one line naming it. */
  static PipelineStatus read(StatusReader reader, Plan plan, Cluster cluster) throws InterruptedException {
    try {
      return reader.read(plan);
    } catch (IOException e) {
      throw new CliException(e.getMessage(), e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw new CliException("Kafka at " + cluster.kafka().bootstrapServers() + " did not tell the consumer lag of "
          + plan.pipeline() + ": " + (cause.getMessage() != null ? cause.getMessage() : cause.toString()), e);
    }
  }

  private Integer stackStatus(PrintWriter out) throws StackException {
    LocalStack local = new LocalStack(stack.config(Ports.defaults()));
    List<ComponentStatus> all = local.status();
    for (ComponentStatus s : all) {
      out.printf(Locale.ROOT, "%-12s %-5s %-11s %s%n", s.server().id(), s.isUp() ? "up" : "down",
          s.pid().map(p -> "pid " + p).orElse(""), s.endpoint());
    }
    UpCommand.printKafkaSecurity(out, local.endpoints());
    out.println("  Flink Prometheus metrics " + String.join(" ", local.prometheusUrls()));
    long up = all.stream().filter(ComponentStatus::isUp).count();
    out.println(up == all.size() ? "Baton stack is up (state: " + local.layout().home() + ")"
        : up == 0 ? "Baton stack is down (state: " + local.layout().home() + ")"
        : "Baton stack is partly up; run 'baton down' then 'baton up'");
    out.flush();
    return ExitCodes.OK;
  }
}
