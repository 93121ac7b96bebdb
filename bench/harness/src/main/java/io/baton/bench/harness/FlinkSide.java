package io.baton.bench.harness;

import java.net.URI;
import java.time.Duration;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
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
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Side B, the same job written by hand in Flink's DataStream API, no Baton code: a bounded {@link KafkaSource}
 * ({@code read_committed}) of key and value bytes into a {@link KafkaSink} with {@code EXACTLY_ONCE} and a
 * transactional-id prefix, BATCH mode, parallelism 1, submitted through REST to the same Flink MiniCluster side A
 * runs on. Keys travel in a {@code Tuple2}, which cannot hold null: the harness's input is always keyed.
 *
 * <pre>{@code
 * Duration took = new FlinkSide(URI.create(driver.flinkWebUrl())).run(run);
 * }</pre>
 */
public final class FlinkSide implements Side {
  private static final TypeInformation<Tuple2<byte[], byte[]>> KEY_VALUE =
      Types.TUPLE(Types.PRIMITIVE_ARRAY(Types.BYTE), Types.PRIMITIVE_ARRAY(Types.BYTE));

  private final URI flinkRest;

  /** A side that submits its job to the Flink cluster whose REST API is at {@code flinkRest}. */
  public FlinkSide(URI flinkRest) {
    this.flinkRest = flinkRest;
  }

  @Override
  public String label() {
    return "B flink";
  }

  @Override
  public String description() {
    return "hand-written DataStream job: KafkaSource (bounded) -> KafkaSink EXACTLY_ONCE, bytes, BATCH, same MiniCluster";
  }

  @Override
  public Duration run(SideRun run) throws Exception {
    // No jar: the MiniCluster runs in this JVM and finds the job's classes on its own classpath.
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(
        flinkRest.getHost(), flinkRest.getPort(), new Configuration());
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    env.setParallelism(1);
    env.fromSource(source(run), WatermarkStrategy.noWatermarks(), "read " + run.input())
        .sinkTo(sink(run)).name("write " + run.output());
    long start = System.nanoTime();
    env.execute("bench/flink-copy-" + run.runId());
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static KafkaSource<Tuple2<byte[], byte[]>> source(SideRun run) {
    return KafkaSource.<Tuple2<byte[], byte[]>>builder()
        .setBootstrapServers(run.bootstrapServers())
        .setTopics(run.input())
        .setGroupId("bench-" + run.runId())
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setBounded(OffsetsInitializer.latest())
        .setProperty("isolation.level", "read_committed")
        .setDeserializer(new KeyValueBytes())
        .build();
  }

  private static KafkaSink<Tuple2<byte[], byte[]>> sink(SideRun run) {
    String topic = run.output();
    KafkaRecordSerializationSchema<Tuple2<byte[], byte[]>> serializer =
        (record, context, timestamp) -> new ProducerRecord<>(topic, null, timestamp, record.f0, record.f1);
    return KafkaSink.<Tuple2<byte[], byte[]>>builder()
        .setBootstrapServers(run.bootstrapServers())
        .setRecordSerializer(serializer)
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix("bench-" + run.runId())
        .setProperty("transaction.timeout.ms", Long.toString(Duration.ofMinutes(5).toMillis()))
        .build();
  }

  /** Key and value as they are. */
  static final class KeyValueBytes implements KafkaRecordDeserializationSchema<Tuple2<byte[], byte[]>> {
    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Tuple2<byte[], byte[]>> out) {
      out.collect(Tuple2.of(record.key(), record.value()));
    }

    @Override
    public TypeInformation<Tuple2<byte[], byte[]>> getProducedType() {
      return KEY_VALUE;
    }
  }
}
