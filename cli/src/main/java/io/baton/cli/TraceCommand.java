package io.baton.cli;

import io.baton.flink.plan.Plan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code baton trace <topic> <partition> <offset>}: where one record came from. Reads it, finds the stage that
 * wrote it (or rejected it, for a dead letter), and walks back hop by hop through every stage to the raw source
 * records, showing each stage's policy and version and its input records decoded.
 *
 * <pre>{@code
 * baton trace sensors.alerts 0 3
 * baton trace sensor-story.readings.dead-letter 0 0 --json
 * }</pre>
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
    description = "Walk a record back through its pipeline's stages to the raw source records it came from.")
final class TraceCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  StackOptions stack;

  @Mixin
  ContextOptions context;

  @Mixin
  RegistryOptions registry;

  @Parameters(index = "0", paramLabel = "<topic>", description = "Topic of the record, e.g. sensors.alerts.")
  String topic;

  @Parameters(index = "1", paramLabel = "<partition>", description = "Its partition.")
  int partition;

  @Parameters(index = "2", paramLabel = "<offset>", description = "Its offset.")
  long offset;

  @Option(names = "--json", description = "One JSON object: the record, then every hop with its inputs.")
  boolean json;

  @Option(names = "--depth", paramLabel = "<n>", defaultValue = "20", description = "Walk at most n hops back (default: ${DEFAULT-VALUE}).")
  int depth;

  @Option(names = "--limit", paramLabel = "<n>", defaultValue = "5", description = "Show at most n input records per hop (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--pipeline", paramLabel = "<pipeline>", description = "The pipeline the topic belongs to (default: found among the jar's).")
  String pipeline;

  @Option(names = "--jar", paramLabel = "<file>", description = "Job jar holding the pipeline (default: the examples).")
  Path jar;

  @Override
  public Integer call() throws Exception {
    if (depth < 1 || limit < 0 || partition < 0 || offset < 0) {
      throw new ParameterException(spec.commandLine(), depth < 1 ? "--depth must be at least 1 but was " + depth
          : limit < 0 ? "--limit must not be negative but was " + limit
          : "partition and offset must not be negative, got " + partition + " and " + offset);
    }
    PrintWriter out = spec.commandLine().getOut();
    registry.config(stack);
    Plan plan = TopicPlans.of(jar, pipeline).require(topic);
    Cluster cluster = Cluster.of(context.select(), stack, registry);
    Trace trace = trace(cluster, plan, topic, partition, offset, limit, depth);
    if (json) {
      out.println(TraceText.json(trace));
    } else {
      TraceText.lines(trace, 0).forEach(out::println);
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** Traces {@code topic:partition:offset} of {@code plan} on {@code cluster}'s servers. */
  static Trace trace(Cluster cluster, Plan plan, String topic, int partition, long offset, int limit, int depth) {
    try (RecordFetcher fetch = RecordFetcher.of(cluster.kafka());
         ValueDecoder values = ValueDecoder.of(cluster.registry())) {
      return new Tracer(plan, fetch, values, limit, depth).trace(topic, partition, offset);
    }
  }
}
