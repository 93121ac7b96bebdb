package io.baton.bench.harness;

import io.baton.schemas.nexmark.Bid;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.GlobalWindows;
import org.apache.flink.streaming.api.windowing.triggers.CountTrigger;
import org.apache.flink.streaming.api.windowing.triggers.ProcessingTimeoutTrigger;
import org.apache.flink.streaming.api.windowing.triggers.PurgingTrigger;
import org.apache.flink.streaming.api.windowing.windows.GlobalWindow;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Side B of the keyed aggregation, written by hand in DataStream: decode each bid with plain Avro, key by auction,
 * {@code GlobalWindows} with a purging {@code ProcessingTimeoutTrigger.of(CountTrigger.of(100), 1 s)} and an
 * incremental count, each batch encoded as a Confluent-framed {@code HotItem} into a {@code KafkaSink} EXACTLY_ONCE;
 * bounded, BATCH mode, on the same MiniCluster as side A.
 *
 * <pre>{@code
 * Duration took = new FlinkCountSide(URI.create(driver.flinkWebUrl()), schemaId).run(run);
 * }</pre>
 */
public final class FlinkCountSide implements Side {
  private final URI flinkRest;
  private final int outputSchemaId;

  /** A side that submits to {@code flinkRest} and writes its items under {@code outputSchemaId}. */
  public FlinkCountSide(URI flinkRest, int outputSchemaId) {
    this.flinkRest = flinkRest;
    this.outputSchemaId = outputSchemaId;
  }

  @Override
  public String label() {
    return "B flink";
  }

  @Override
  public String description() {
    return "DataStream: Avro decode, keyBy(auction), GlobalWindows + purging ProcessingTimeoutTrigger(CountTrigger(100),"
        + " 1 s), AggregateFunction count -> HotItem, KafkaSink EXACTLY_ONCE, BATCH";
  }

  @Override
  public Duration run(SideRun run) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(
        flinkRest.getHost(), flinkRest.getPort(), new Configuration());
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    env.setParallelism(1);
    env.fromSource(source(run), WatermarkStrategy.noWatermarks(), "read " + run.input())
        .keyBy(auction -> auction, Types.LONG)
        .window(GlobalWindows.create())
        .trigger(PurgingTrigger.of(ProcessingTimeoutTrigger.of(CountTrigger.of(KeyedCount.BATCH), KeyedCount.MAX_WAIT)))
        .aggregate(new Count(), new WithKey(), Types.LONG, Types.LONG, Types.<Tuple2<Long, Long>>TUPLE(Types.LONG, Types.LONG))
        .name("count per auction")
        .sinkTo(sink(run, outputSchemaId)).name("write " + run.output());
    long start = System.nanoTime();
    env.execute("bench/flink-count-" + run.runId());
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static KafkaSource<Long> source(SideRun run) {
    return KafkaSource.<Long>builder()
        .setBootstrapServers(run.bootstrapServers())
        .setTopics(run.input())
        .setGroupId("bench-" + run.runId())
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setBounded(OffsetsInitializer.latest())
        .setProperty("isolation.level", "read_committed")
        .setDeserializer(new BidAuction())
        .build();
  }

  private static KafkaSink<Tuple2<Long, Long>> sink(SideRun run, int schemaId) {
    String topic = run.output();
    KafkaRecordSerializationSchema<Tuple2<Long, Long>> serializer = (counted, context, timestamp) ->
        new ProducerRecord<>(topic, FramedAvro.frame(schemaId, FramedAvro.encode(KeyedCount.item(counted.f0, counted.f1))));
    return KafkaSink.<Tuple2<Long, Long>>builder()
        .setBootstrapServers(run.bootstrapServers())
        .setRecordSerializer(serializer)
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix("bench-" + run.runId())
        .setProperty("transaction.timeout.ms", Long.toString(Duration.ofMinutes(5).toMillis()))
        .build();
  }

  /** The auction of a Confluent-framed Avro bid. */
  static final class BidAuction implements KafkaRecordDeserializationSchema<Long> {
    private transient SpecificDatumReader<Bid> reader;
    private transient BinaryDecoder decoder;
    private transient Bid reuse;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Long> out) throws IOException {
      if (reader == null) {
        reader = new SpecificDatumReader<>(Bid.class);
      }
      byte[] value = record.value();
      decoder = DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, decoder);
      reuse = reader.read(reuse, decoder);
      out.collect(reuse.getAuction());
    }

    @Override
    public TypeInformation<Long> getProducedType() {
      return Types.LONG;
    }
  }

  /** Counts the records of a batch. */
  static final class Count implements AggregateFunction<Long, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Long auction, Long count) {
      return count + 1;
    }

    @Override
    public Long getResult(Long count) {
      return count;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }

  /** Pairs a batch's count with its auction. */
  static final class WithKey extends ProcessWindowFunction<Long, Tuple2<Long, Long>, Long, GlobalWindow> {
    @Override
    public void process(Long auction, Context context, Iterable<Long> counts, Collector<Tuple2<Long, Long>> out) {
      out.collect(Tuple2.of(auction, counts.iterator().next()));
    }
  }
}
