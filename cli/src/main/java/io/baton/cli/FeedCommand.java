package io.baton.cli;

import io.baton.api.internal.ResourceNames;

import io.baton.examples.nexmark.NexmarkEvent;
import io.baton.examples.nexmark.NexmarkGenerator;
import io.baton.flink.deploy.Target;
import io.baton.flink.deploy.Topics;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.wire.WireEncoder;
import io.baton.schemas.nexmark.Auction;
import io.baton.schemas.nexmark.Bid;
import io.baton.schemas.nexmark.Person;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code baton feed nexmark}: writes a generated Nexmark stream (persons, auctions, bids) to its
 * topics on the local stack, in the Confluent wire format with schemas registered under
 * {@code <topic>-value} and event time as the Kafka timestamp, so the Nexmark pipelines have input.
 *
 * <pre>{@code
 * ./baton feed nexmark --events 20000
 * ./baton run nexmark-highest-bid --bounded
 * }</pre>
 */
@Command(name = "feed", mixinStandardHelpOptions = true,
    description = "Write generated events to the local stack's topics (the input of the example pipelines).")
final class FeedCommand implements Callable<Integer> {
  /** What can be generated. */
  enum Generator { nexmark }

  @Spec
  CommandSpec spec;

  @Mixin
  StackOptions stack;

  @Mixin
  RegistryOptions registry;

  @Parameters(paramLabel = "<generator>", description = "What to generate: ${COMPLETION-CANDIDATES}.")
  Generator generator;

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
    PrintWriter out = spec.commandLine().getOut();
    Target target = Cluster.running(stack, registry.config(stack)).target();
    NexmarkGenerator nexmark = NexmarkGenerator.builder().seed(seed).startAt(start.toEpochMilli())
        .eventsPerSecond(eventsPerSecond).build();
    Map<NexmarkEvent.Kind, Long> written = new EnumMap<>(NexmarkEvent.Kind.class);
    try (Topics topics = new Topics(target.bootstrapServers(), 1);
         SchemaRegistry schemas = SchemaRegistry.connect(target.registry());
         KafkaProducer<byte[], byte[]> producer = RawProducer.idempotent(target.bootstrapServers())) {
      Map<NexmarkEvent.Kind, WireEncoder<SpecificRecord>> encoders = new EnumMap<>(NexmarkEvent.Kind.class);
      for (NexmarkEvent.Kind kind : NexmarkEvent.Kind.values()) {
        topics.ensure(kind.topic(), 1);
        encoders.put(kind, encoder(schemas, kind));
      }
      nexmark.events().limit(events).forEach(e -> {
        producer.send(new ProducerRecord<>(e.kind().topic(), null, e.timestamp(), key(e.record()),
            encoders.get(e.kind()).encode(e.record())));
        written.merge(e.kind(), 1L, Long::sum);
      });
      producer.flush();
    }
    out.printf("Fed %d Nexmark events (seed %d, event time from %s at %d/s): %s%n", events, seed, start,
        eventsPerSecond, describe(written));
    out.println("Run a query over them: ./baton run nexmark-highest-bid --bounded   (or nexmark-hot-items)");
    out.flush();
    return ExitCodes.OK;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static WireEncoder<SpecificRecord> encoder(SchemaRegistry registry, NexmarkEvent.Kind kind) {
    Class<? extends SpecificRecord> type = switch (kind) {
      case PERSON -> Person.class;
      case AUCTION -> Auction.class;
      case BID -> Bid.class;
    };
    int id = registry.register(ResourceNames.subject(kind.topic()), org.apache.avro.specific.SpecificData.get().getSchema(type));
    return (WireEncoder) WireEncoder.forSpecific(type, id);
  }

  /** Persons and auctions by their id, bids by the auction they are for. */
  private static byte[] key(SpecificRecord record) {
    long id;
    if (record instanceof Person p) {
      id = p.getId();
    } else if (record instanceof Auction a) {
      id = a.getId();
    } else if (record instanceof Bid b) {
      id = b.getAuction();
    } else {
      throw new IllegalStateException("not a Nexmark record: " + record.getClass());
    }
    return Long.toString(id).getBytes(StandardCharsets.UTF_8);
  }

  private static String describe(Map<NexmarkEvent.Kind, Long> written) {
    return String.join(", ", written.entrySet().stream()
        .map(e -> e.getValue() + " to " + e.getKey().topic()).toList());
  }
}
