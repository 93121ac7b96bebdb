package io.baton.bench.harness;

import io.baton.api.internal.ResourceNames;
import io.baton.examples.nexmark.NexmarkGenerator;
import io.baton.flink.feed.RawProducer;
import io.baton.schemas.nexmark.Bid;
import io.baton.schemas.nexmark.HottestItem;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.wire.WireEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The harness's input, written once before any side runs: the first N Nexmark bids of a fixed seed, Confluent-framed
 * Avro (schema registered under {@code <topic>-value}), keyed by auction id, into a topic of one partition.
 *
 * <pre>{@code
 * Input in = BidInput.produce(topics, registry, "127.0.0.1:9092", "bench.bids", 1_000_000);
 * in.digest().count();   // 1_000_000
 * }</pre>
 */
public final class BidInput {
  /** Seed and start of the generated bids: every run of the harness copies the same values. */
  static final long SEED = 42;
  static final long START = 1_767_225_600_000L;
  /** Event time advances 1 s per 1,000 events: a million bids span about 109 Nexmark Q7 windows of 10 s. */
  static final long EVENTS_PER_SECOND = 1_000;

  private BidInput() {}

  /**
   * What was written: the topic, how many records and bytes, the digest of their values, bids per auction, the
   * highest bid of every 10-second window (Nexmark Q7) and the hottest auctions of every sliding window (Nexmark Q5).
   */
  public record Input(String topic, long records, long valueBytes, ValueDigest digest, Map<Long, Long> bidsPerAuction,
      Map<Long, Bid> highestPerWindow, List<HottestItem> hottestPerWindow) {
    public double meanValueBytes() {
      return (double) valueBytes / records;
    }
  }

  /** Registers Bid's schema under the topic's subject, creates the topic and writes {@code records} bids to it. */
  public static Input produce(BenchTopics topics, SchemaRegistry registry, String bootstrapServers, String topic,
      long records) throws Exception {
    topics.create(topic);
    int schemaId = registry.register(ResourceNames.subject(topic), Bid.getClassSchema());
    WireEncoder<Bid> encoder = WireEncoder.forSpecific(Bid.class, schemaId);
    Iterator<Bid> bids = NexmarkGenerator.builder().seed(SEED).startAt(START).eventsPerSecond(EVENTS_PER_SECOND).build().events()
        .filter(e -> e.record() instanceof Bid).map(e -> (Bid) e.record()).iterator();
    ValueDigest digest = ValueDigest.EMPTY;
    Map<Long, Long> perAuction = new HashMap<>();
    Map<Long, Bid> highest = new HashMap<>();
    NexmarkQ5.Tally hottest = new NexmarkQ5.Tally();
    long bytes = 0;
    try (KafkaProducer<byte[], byte[]> producer = RawProducer.idempotent(bootstrapServers)) {
      for (long i = 0; i < records; i++) {
        Bid bid = bids.next();
        byte[] value = encoder.encode(bid);
        byte[] key = Long.toString(bid.getAuction()).getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(topic, 0, bid.getDateTime(), key, value));
        digest = digest.plus(value);
        perAuction.merge(bid.getAuction(), 1L, Long::sum);
        highest.merge(NexmarkQ7.windowStart(bid), bid, NexmarkQ7::higher);
        hottest.add(bid);
        bytes += value.length;
      }
      producer.flush();
    }
    long end = topics.endOffset(topic);
    if (end != records) {
      throw new IllegalStateException("wrote " + records + " bids to " + topic + " but it ends at offset " + end);
    }
    return new Input(topic, records, bytes, digest, Map.copyOf(perAuction), Map.copyOf(highest),
        hottest.finish());
  }
}
