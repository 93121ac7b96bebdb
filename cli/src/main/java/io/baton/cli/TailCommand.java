package io.baton.cli;

import io.baton.connectors.KafkaRecord;
import io.baton.flink.plan.Plan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code baton tail <topic>}: a topic's committed records as JSON lines, decoded through the registry; Baton's
 * headers readable with {@code --headers}; dead letters with their reason; new records as they are committed with
 * {@code --follow}.
 *
 * <pre>{@code
 * baton tail sensors.alerts --last 3 --headers
 * baton tail sensor-story.readings.dead-letter --from-beginning --json
 * baton tail sensors.alerts --follow
 * }</pre>
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
    description = "Print a topic's committed records, decoded, and with --follow the new ones as they are committed.")
final class TailCommand implements Callable<Integer> {
  private static final Duration POLL = Duration.ofMillis(300);

  @Spec
  CommandSpec spec;

  @Mixin
  StackOptions stack;

  @Mixin
  ContextOptions context;

  @Mixin
  RegistryOptions registry;

  @Parameters(paramLabel = "<topic>", description = "The topic, e.g. sensors.alerts.")
  String topic;

  static final class Start {
    @Option(names = "--from-beginning", description = "Every committed record from the start.")
    boolean fromBeginning;

    @Option(names = "--last", paramLabel = "<n>", description = "The last n records (default: 10).")
    Integer last;
  }

  @ArgGroup(exclusive = true)
  Start start = new Start();

  @Option(names = {"--follow", "-f"}, description = "Keep printing new records as they are committed, until interrupted.")
  boolean follow;

  @Option(names = "--headers", description = "Show every header; Baton's lineage and run id readable.")
  boolean headers;

  @Option(names = "--json", description = "One JSON object per record.")
  boolean json;

  @Option(names = "--pipeline", paramLabel = "<pipeline>", description = "The pipeline the topic belongs to, naming lineage's stages (default: found among the jar's).")
  String pipeline;

  @Option(names = "--jar", paramLabel = "<file>", description = "Job jar holding the pipeline (default: the examples).")
  Path jar;

  @Override
  public Integer call() throws Exception {
    int last = start.last == null ? 10 : start.last;
    if (last < 0) {
      throw new ParameterException(spec.commandLine(), "--last must not be negative but was " + last);
    }
    PrintWriter out = spec.commandLine().getOut();
    registry.config(stack);
    Optional<Plan> plan = plan();
    Cluster cluster = Cluster.of(context.select(), stack, registry);
    boolean interrupted = false;
    try (ValueDecoder values = ValueDecoder.of(cluster.registry());
         RecordFetcher fetch = RecordFetcher.of(cluster.kafka());
         KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(RecordFetcher.consumerProperties(cluster.kafka()),
             new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TailFormat format = new TailFormat(plan, values, headers);
      List<TopicPartition> partitions = fetch.partitions(topic);
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      try {
        if (start.fromBeginning) {
          consumer.seekToBeginning(partitions);
          while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
            List<KafkaRecord> now = new ArrayList<>();
            consumer.poll(POLL).forEach(r -> now.add(KafkaRecord.from(r)));
            print(out, format, now);
          }
        } else {
          List<KafkaRecord> now = new ArrayList<>();
          partitions.forEach(tp -> now.addAll(fetch.last(tp, ends.get(tp), last)));
          now.sort(Comparator.comparingLong(KafkaRecord::timestamp).thenComparingInt(KafkaRecord::partition)
              .thenComparingLong(KafkaRecord::offset));
          print(out, format, now.subList(Math.max(0, now.size() - last), now.size()));
          partitions.forEach(tp -> consumer.seek(tp, ends.get(tp)));
        }
        while (follow && !Thread.currentThread().isInterrupted()) {
          List<KafkaRecord> more = new ArrayList<>();
          consumer.poll(POLL).forEach(r -> more.add(KafkaRecord.from(r)));
          print(out, format, more);
        }
      } catch (InterruptException | WakeupException e) {
        interrupted = Thread.interrupted(); // interrupted while following: a normal end, once the clients are closed
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    out.flush();
    return ExitCodes.OK;
  }

  private void print(PrintWriter out, TailFormat format, List<KafkaRecord> records) {
    for (KafkaRecord r : records) {
      out.println(json ? format.json(r).toString() : format.text(r));
    }
    out.flush();
  }

  /** The plan naming the topic's writer; none when no pipeline of the default jar has the topic. */
  private Optional<Plan> plan() throws Exception {
    if (jar == null && pipeline == null) {
      try {
        return TopicPlans.of(null, null).planOf(topic);
      } catch (CliException e) {
        return Optional.empty(); // no examples' jar: headers are shown without stage names
      }
    }
    return Optional.of(TopicPlans.of(jar, pipeline).require(topic));
  }
}
