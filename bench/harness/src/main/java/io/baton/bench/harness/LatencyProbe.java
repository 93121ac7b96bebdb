package io.baton.bench.harness;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.accept.Accept;
import io.baton.api.internal.ResourceNames;
import io.baton.flink.feed.RawProducer;
import io.baton.schemas.nexmark.Bid;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.wire.WireEncoder;
import io.baton.testing.PipelineTestDriver;
import io.baton.testing.RunningPipeline;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Latency of a streaming {@code Batch.each()} pass-through stage at a fixed input rate: each bid carries its send time
 * (in {@code dateTime}); a {@code read_committed} reader of the output takes its arrival time minus that. The stage
 * starts first and one bid goes through before the clock runs, so job start-up is not counted.
 *
 * <pre>{@code
 * LatencyProbe.Latency l = new LatencyProbe(driver, registry).measure(false, Duration.ofSeconds(2), 10_000, Duration.ofSeconds(20));
 * l.p99Millis();
 * }</pre>
 */
public final class LatencyProbe {
  private final PipelineTestDriver driver;
  private final SchemaRegistry registry;
  private int runs;

  public LatencyProbe(PipelineTestDriver driver, SchemaRegistry registry) {
    this.driver = driver;
    this.registry = registry;
  }

  /** Percentiles of one probe, milliseconds, over {@code records} outputs. */
  public record Latency(String delivery, int rate, long records, long p50Millis, long p99Millis, long maxMillis) {
    public String line() {
      return String.format(Locale.ROOT, "  %-42s %,7d rec/s  %,9d records  p50 %,6d ms  p99 %,6d ms  max %,6d ms",
          delivery, rate, records, p50Millis, p99Millis, maxMillis);
    }
  }

  /** Runs the stage streaming ({@code atLeastOnce} or exactly-once with {@code checkpoints}) and feeds it {@code rate} bids a second for {@code length}. */
  public Latency measure(boolean atLeastOnce, Duration checkpoints, int rate, Duration length) throws Exception {
    String id = "bench-latency-" + (++runs);
    String input = id + ".in";
    String output = id + ".out";
    try (BenchTopics topics = new BenchTopics(driver.bootstrapServers())) {
      topics.create(input);
      topics.create(output);
    }
    int schemaId = registry.register(ResourceNames.subject(input), Bid.getClassSchema());
    WireEncoder<Bid> encoder = WireEncoder.forSpecific(Bid.class, schemaId);
    Timed pipeline = new Timed(id, input, output, atLeastOnce);
    int total = (int) (rate * length.toMillis() / 1_000);
    long[] latencies = new long[total];
    try (RunningPipeline running = driver.start(pipeline, driver.settings(false).checkpointInterval(checkpoints));
        KafkaProducer<byte[], byte[]> producer = RawProducer.idempotent(driver.bootstrapServers());
        KafkaConsumer<byte[], byte[]> reader = committedReader(output)) {
      producer.send(new ProducerRecord<>(input, encoder.encode(bid(-1))));
      awaitOne(reader, length.plusMinutes(2));
      AtomicBoolean failed = new AtomicBoolean();
      Thread feeder = new Thread(() -> feed(producer, encoder, input, rate, total, failed), "bench-latency-feed");
      feeder.start();
      int seen = 0;
      long deadline = System.nanoTime() + length.plusMinutes(2).toNanos();
      while (seen < total && System.nanoTime() < deadline && !failed.get()) {
        for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ofMillis(10))) {
          long now = System.currentTimeMillis();
          latencies[seen++] = now - sentAt(r.value());
        }
      }
      feeder.join();
      if (seen < total) {
        throw new IllegalStateException(id + " saw " + seen + " of " + total + " records in time");
      }
    }
    Arrays.sort(latencies);
    String delivery = atLeastOnce ? "at-least-once" : "exactly-once, checkpoints every " + checkpoints.toMillis() + " ms";
    return new Latency(delivery, rate, total, latencies[total / 2], latencies[(int) Math.min(total - 1, total * 0.99)],
        latencies[total - 1]);
  }

  /** Sends {@code total} bids at {@code rate} a second, in 10 ms ticks, each stamped with its send time. */
  private static void feed(KafkaProducer<byte[], byte[]> producer, WireEncoder<Bid> encoder, String topic, int rate,
      int total, AtomicBoolean failed) {
    try {
      long start = System.nanoTime();
      for (int sent = 0; sent < total; ) {
        long due = (long) ((System.nanoTime() - start) / 1e9 * rate) + 1;
        while (sent < Math.min(due, total)) {
          producer.send(new ProducerRecord<>(topic, encoder.encode(bid(System.currentTimeMillis()))));
          sent++;
        }
        Thread.sleep(1);
      }
      producer.flush();
    } catch (Exception | Error e) {
      failed.set(true);
      throw new IllegalStateException("feeding " + topic + " failed", e);
    }
  }

  private static Bid bid(long sentAt) {
    return Bid.newBuilder().setAuction(1_000).setBidder(1_000).setPrice(1).setChannel("bench").setUrl("")
        .setDateTime(sentAt).setExtra("").build();
  }

  /** The send time a bid carries in {@code dateTime}. */
  private static long sentAt(byte[] value) {
    return FramedAvro.decode(value, Bid.class).getDateTime();
  }

  private static void awaitOne(KafkaConsumer<byte[], byte[]> reader, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (reader.poll(Duration.ofMillis(50)).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the stage wrote nothing within " + timeout);
      }
    }
  }

  private KafkaConsumer<byte[], byte[]> committedReader(String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, driver.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    TopicPartition partition = new TopicPartition(topic, 0);
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    return consumer;
  }

  /** The streaming pass-through whose latency is probed. */
  record Timed(String name, String input, String output, boolean atLeastOnce) implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named(name);
      Stage<Bid> copy = p.source("copy", Topic.of(input, Bid.class).accept(Accept.schema())).outputTopic(output);
      if (atLeastOnce) {
        copy.atLeastOnce();
      }
      return p;
    }
  }
}
