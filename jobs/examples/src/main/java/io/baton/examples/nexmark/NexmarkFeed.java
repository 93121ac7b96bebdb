package io.baton.examples.nexmark;

import io.baton.api.internal.ResourceNames;
import io.baton.flink.deploy.Target;
import io.baton.flink.deploy.Topics;
import io.baton.flink.feed.Feed;
import io.baton.flink.feed.FeedRequest;
import io.baton.flink.feed.RawProducer;
import io.baton.schemas.nexmark.Auction;
import io.baton.schemas.nexmark.Bid;
import io.baton.schemas.nexmark.Person;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.wire.WireEncoder;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code baton feed nexmark}: writes a generated Nexmark stream (persons, auctions, bids) to its topics,
 * in the Confluent wire format with schemas registered under each topic's subject and event time as the
 * Kafka timestamp, so the Nexmark pipelines have input.
 *
 * <pre>{@code
 * new NexmarkFeed().write(new FeedRequest(20_000, 1, 1_000, Instant.parse("2026-01-01T00:00:00Z")), target, out);
 * // then: ./baton run nexmark-highest-bid --bounded
 * }</pre>
 */
public final class NexmarkFeed implements Feed {
  /** The name {@code baton feed} takes. */
  public static final String NAME = "nexmark";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void write(FeedRequest request, Target target, PrintWriter out) throws Exception {
    NexmarkGenerator nexmark = NexmarkGenerator.builder().seed(request.seed()).startAt(request.start().toEpochMilli())
        .eventsPerSecond(request.eventsPerSecond()).build();
    Map<NexmarkEvent.Kind, Long> written = new EnumMap<>(NexmarkEvent.Kind.class);
    try (Topics topics = new Topics(target.kafka(), target.topics());
         SchemaRegistry schemas = SchemaRegistry.connect(target.registry());
         KafkaProducer<byte[], byte[]> producer = RawProducer.idempotent(target.kafka())) {
      Map<NexmarkEvent.Kind, WireEncoder<SpecificRecord>> encoders = new EnumMap<>(NexmarkEvent.Kind.class);
      for (NexmarkEvent.Kind kind : NexmarkEvent.Kind.values()) {
        topics.ensure(kind.topic(), 1);
        encoders.put(kind, encoder(schemas, kind));
      }
      nexmark.events().limit(request.events()).forEach(e -> {
        producer.send(new ProducerRecord<>(e.kind().topic(), null, e.timestamp(), key(e.record()),
            encoders.get(e.kind()).encode(e.record())));
        written.merge(e.kind(), 1L, Long::sum);
      });
      producer.flush();
    }
    out.printf("Fed %d Nexmark events (seed %d, event time from %s at %d/s): %s%n", request.events(), request.seed(),
        request.start(), request.eventsPerSecond(), describe(written));
    out.println("Run a query over them: ./baton run nexmark-highest-bid --bounded   (or nexmark-hot-items)");
    out.flush();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static WireEncoder<SpecificRecord> encoder(SchemaRegistry registry, NexmarkEvent.Kind kind) {
    Class<? extends SpecificRecord> type = switch (kind) {
      case PERSON -> Person.class;
      case AUCTION -> Auction.class;
      case BID -> Bid.class;
    };
    int id = registry.register(ResourceNames.subject(kind.topic()), SpecificData.get().getSchema(type));
    return (WireEncoder) WireEncoder.forSpecific(type, id);
  }

  /** Persons and auctions by their id, bids by the auction they are for. */
  static byte[] key(SpecificRecord record) {
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
