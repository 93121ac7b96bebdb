package io.baton.examples.copy;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The smallest real Flink job: copies every record value of one Kafka topic to another, unbounded.
 * Used to check that the local stack runs jobs end to end.
 *
 * <pre>{@code
 * POST /jars/{id}/run {"entryClass":"io.baton.examples.copy.TopicCopyJob",
 *   "programArgsList":["--bootstrap","127.0.0.1:9092","--from","in","--to","out"]}
 * }</pre>
 */
public final class TopicCopyJob {

  /** The name the job shows in the Flink web UI. */
  public static final String JOB_NAME = "baton/topic-copy";

  private TopicCopyJob() {}

  public static void main(String[] args) throws Exception {
    ParameterTool params = ParameterTool.fromArgs(args);
    List<String> missing = new ArrayList<>();
    for (String name : List.of("bootstrap", "from", "to")) {
      if (!params.has(name)) {
        missing.add("--" + name);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "TopicCopyJob needs " + String.join(", ", missing)
              + " (usage: --bootstrap <host:port> --from <topic> --to <topic>)");
    }
    String bootstrap = params.get("bootstrap");
    String from = params.get("from");
    String to = params.get("to");

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    // Checkpoints commit the source offsets and flush the sink.
    env.enableCheckpointing(5_000);

    KafkaSource<byte[]> source = KafkaSource.<byte[]>builder()
        .setBootstrapServers(bootstrap)
        .setTopics(from)
        .setGroupId("baton-topic-copy-" + from + "-" + to)
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setDeserializer(KafkaRecordDeserializationSchema.valueOnly(ByteArrayDeserializer.class))
        .build();

    KafkaSink<byte[]> sink = KafkaSink.<byte[]>builder()
        .setBootstrapServers(bootstrap)
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .setRecordSerializer(KafkaRecordSerializationSchema.<byte[]>builder()
            .setTopic(to)
            .setKafkaValueSerializer(ByteArraySerializer.class)
            .build())
        .build();

    env.fromSource(source, WatermarkStrategy.noWatermarks(), "read " + from)
        .sinkTo(sink)
        .name("write " + to);
    env.execute(JOB_NAME);
  }
}
