package io.baton.cli;

import io.baton.flink.deploy.Target;
import io.baton.flink.feed.Feed;
import io.baton.flink.feed.FeedRequest;
import io.baton.flink.feed.Feeds;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code baton feed <generator>}: runs a registered {@link Feed} (the examples register {@code nexmark})
 * against the local stack, so the example pipelines have input. Feeds are found through
 * {@code META-INF/services/io.baton.flink.feed.Feed} on the CLI's class path; an unknown name lists them.
 *
 * <pre>{@code
 * ./baton feed nexmark --events 20000
 * ./baton run nexmark-highest-bid --bounded
 * }</pre>
 */
@Command(name = "feed", mixinStandardHelpOptions = true,
    description = "Write generated events to the local stack's topics (the input of the example pipelines).")
final class FeedCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  StackOptions stack;

  @Mixin
  ContextOptions context;

  @Mixin
  RegistryOptions registry;

  @Parameters(paramLabel = "<generator>", converter = FeedConverter.class,
      completionCandidates = FeedNames.class, description = "What to generate: ${COMPLETION-CANDIDATES}.")
  Feed generator;

  @Option(names = "--events", paramLabel = "<n>", defaultValue = "10000", description = "Events to write (default: ${DEFAULT-VALUE}).")
  long events;

  @Option(names = "--seed", paramLabel = "<n>", defaultValue = "1", description = "Random seed; one seed, one stream (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--events-per-second", paramLabel = "<n>", defaultValue = "1000",
      description = "Event-time rate of the stream (default: ${DEFAULT-VALUE}).")
  long eventsPerSecond;

  @Option(names = "--start", paramLabel = "<instant>", defaultValue = "2026-01-01T00:00:00Z",
      description = "Event time of the first event, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Instant start;

  @Override
  public Integer call() throws Exception {
    if (events <= 0 || eventsPerSecond <= 0) {
      throw new ParameterException(spec.commandLine(), "--events and --events-per-second must be positive, got "
          + events + " and " + eventsPerSecond);
    }
    Target target = Cluster.of(context.select(), stack, registry).target();
    generator.write(new FeedRequest(events, seed, eventsPerSecond, start), target, spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  /** The feeds on the CLI's class path. */
  static Feeds feeds() {
    return Feeds.load(FeedCommand.class.getClassLoader());
  }

  /** Turns {@code <generator>} into a registered feed; an unknown name is a usage error listing the known ones. */
  static final class FeedConverter implements ITypeConverter<Feed> {
    @Override
    public Feed convert(String name) {
      Feeds feeds = feeds();
      if (!feeds.names().contains(name)) {
        // Worded as picocli words an unknown enum value, which this argument was before feeds were registered.
        throw new TypeConversionException("expected one of " + feeds.names() + " (case-sensitive) but was '"
            + name + "'");
      }
      return feeds.named(name);
    }
  }

  /** The registered feeds' names, for the help text. */
  static final class FeedNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return feeds().names().iterator();
    }
  }
}
