package io.baton.bench.harness;

import io.baton.schemas.nexmark.Bid;
import io.baton.schemas.nexmark.HotItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Side C of the keyed aggregation, Kafka Streams (exactly_once_v2): a processor counting bids per auction in a
 * key-value store (in memory, changelogged: Streams' default durability), emitting a {@code HotItem} when an auction
 * reaches 100 and flushing every partial count once a second of wall-clock time. Streams has no end of input, so the
 * run ends when the committed output's counts add up to N.
 *
 * <pre>{@code
 * Duration took = new StreamsCountSide(schemaId).run(run);
 * }</pre>
 */
public final class StreamsCountSide implements Side {
  private static final String STORE = "counts";
  private final int outputSchemaId;

  public StreamsCountSide(int outputSchemaId) {
    this.outputSchemaId = outputSchemaId;
  }

  @Override
  public String label() {
    return "C streams";
  }

  @Override
  public String description() {
    return "Kafka Streams processor: count per auction in a changelogged store, emit at 100, flush all every 1 s,"
        + " exactly_once_v2";
  }

  @Override
  public Duration run(SideRun run) throws Exception {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.Long(), Serdes.Long()));
    int schemaId = outputSchemaId;
    builder.stream(run.input(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
        .process(() -> new CountOrTime(schemaId), STORE)
        .to(run.output(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
    Path state = Files.createTempDirectory("bench-streams-");
    long start = System.nanoTime();
    KafkaStreams streams = new KafkaStreams(builder.build(), properties(run, state));
    try (KafkaConsumer<byte[], byte[]> output = committedReader(run)) {
      streams.start();
      awaitCounted(output, run);
      return Duration.ofNanos(System.nanoTime() - start);
    } finally {
      streams.close(Duration.ofSeconds(30));
      streams.cleanUp();
    }
  }

  /** Reads the output as it commits until its counts add up to the input. */
  private static void awaitCounted(KafkaConsumer<byte[], byte[]> output, SideRun run) {
    long deadline = System.nanoTime() + run.timeout().toNanos();
    long counted = 0;
    while (counted < run.records()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Kafka Streams counted " + counted + " of " + run.records() + " bids within "
            + run.timeout());
      }
      for (ConsumerRecord<byte[], byte[]> r : output.poll(Duration.ofMillis(50))) {
        counted += FramedAvro.decode(r.value(), HotItem.class).getBidCount();
      }
    }
  }

  private static KafkaConsumer<byte[], byte[]> committedReader(SideRun run) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, run.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    TopicPartition partition = new TopicPartition(run.output(), 0);
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    return consumer;
  }

  private static Properties properties(SideRun run, Path state) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-" + run.runId());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, run.bootstrapServers());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    return props;
  }

  /** Counts bids per auction; emits a full batch at once and every partial one on the wall-clock punctuation. */
  static final class CountOrTime implements Processor<byte[], byte[], byte[], byte[]> {
    private final int schemaId;
    private final SpecificDatumReader<Bid> reader = new SpecificDatumReader<>(Bid.class);
    private BinaryDecoder decoder;
    private Bid reuse;
    private KeyValueStore<Long, Long> counts;
    private ProcessorContext<byte[], byte[]> context;

    CountOrTime(int schemaId) {
      this.schemaId = schemaId;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
      this.context = context;
      this.counts = context.getStateStore(STORE);
      context.schedule(KeyedCount.MAX_WAIT, PunctuationType.WALL_CLOCK_TIME, now -> flush());
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
      byte[] value = record.value();
      decoder = DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, decoder);
      try {
        reuse = reader.read(reuse, decoder);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      long auction = reuse.getAuction();
      Long before = counts.get(auction);
      long count = before == null ? 1 : before + 1;
      if (count == KeyedCount.BATCH) {
        emit(auction, count);
        counts.delete(auction);
      } else {
        counts.put(auction, count);
      }
    }

    private void flush() {
      List<KeyValue<Long, Long>> open = new java.util.ArrayList<>();
      try (KeyValueIterator<Long, Long> all = counts.all()) {
        all.forEachRemaining(open::add);
      }
      for (KeyValue<Long, Long> kv : open) {
        emit(kv.key, kv.value);
        counts.delete(kv.key);
      }
    }

    private void emit(long auction, long count) {
      byte[] value = FramedAvro.frame(schemaId, FramedAvro.encode(KeyedCount.item(auction, count)));
      context.forward(new Record<>(null, value, context.currentSystemTimeMs()));
    }
  }
}
