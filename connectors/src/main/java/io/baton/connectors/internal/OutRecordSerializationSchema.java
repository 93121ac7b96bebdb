package io.baton.connectors.internal;

import io.baton.connectors.HandoffSink;
import io.baton.connectors.Header;
import io.baton.connectors.OutRecord;
import io.baton.connectors.BatonHeaders;
import io.baton.connectors.RunId;
import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Turns an {@link OutRecord} into a Kafka producer record: its own topic or the default one, key, value,
 * headers and timestamp as given, then the run's {@link BatonHeaders#RUN} header if it has a run; the partition is left to Kafka's partitioner (by key hash).
 *
 * <pre>{@code
 * KafkaSink.<OutRecord>builder().setRecordSerializer(new OutRecordSerializationSchema("sensor-story.alerts"))...
 * }</pre>
 */
public final class OutRecordSerializationSchema implements KafkaRecordSerializationSchema<OutRecord> {
  private static final long serialVersionUID = 1L;

  private final String defaultTopic;
  private final RunId run;

  /** Writes records without a topic of their own to {@code defaultTopic} (null: every record needs one). */
  public OutRecordSerializationSchema(String defaultTopic) {
    this(defaultTopic, null);
  }

  /** Like {@link #OutRecordSerializationSchema(String)}, stamping every record with {@code run} (null: no stamp). */
  public OutRecordSerializationSchema(String defaultTopic, RunId run) {
    this.defaultTopic = defaultTopic;
    this.run = run;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(OutRecord record, KafkaSinkContext context, Long timestamp) {
    String topic = record.topic().orElse(defaultTopic);
    if (topic == null) {
      throw new IllegalStateException(record + " has no topic and the sink has no default topic: call topic(name) on "
          + "the record or defaultTopic(name) on HandoffSink.builder()");
    }
    List<org.apache.kafka.common.header.Header> headers = new ArrayList<>(record.headers().size() + 1);
    for (Header h : record.headers()) {
      headers.add(new RecordHeader(h.key(), h.value()));
    }
    if (run != null) {
      headers.add(new RecordHeader(BatonHeaders.RUN, run.toString().getBytes(StandardCharsets.UTF_8)));
    }
    Long ts = record.timestamp() == OutRecord.NO_TIMESTAMP ? null : record.timestamp();
    return new ProducerRecord<>(topic, null, ts, record.key(), record.value(), headers);
  }

  @Override
  public String toString() {
    return "OutRecordSerializationSchema(" + (defaultTopic == null ? "no default topic" : defaultTopic)
        + (run == null ? "" : ", run " + run) + ")";
  }
}
