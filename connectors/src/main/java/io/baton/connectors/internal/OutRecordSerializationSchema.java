package io.baton.connectors.internal;

import io.baton.connectors.HandoffSink;
import io.baton.connectors.Header;
import io.baton.connectors.OutRecord;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Turns an {@link OutRecord} into a Kafka producer record: its own topic or the default one, key, value,
 * headers and timestamp as given; the partition is left to Kafka's partitioner (by key hash).
 *
 * <pre>{@code
 * KafkaSink.<OutRecord>builder().setRecordSerializer(new OutRecordSerializationSchema("sensor-story.alerts"))...
 * }</pre>
 */
public final class OutRecordSerializationSchema implements KafkaRecordSerializationSchema<OutRecord> {
  private static final long serialVersionUID = 1L;

  private final String defaultTopic;

  /** Writes records without a topic of their own to {@code defaultTopic} (null: every record needs one). */
  public OutRecordSerializationSchema(String defaultTopic) {
    this.defaultTopic = defaultTopic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(OutRecord record, KafkaSinkContext context, Long timestamp) {
    String topic = record.topic().orElse(defaultTopic);
    if (topic == null) {
      throw new IllegalStateException(record + " has no topic and the sink has no default topic: call topic(name) on "
          + "the record or defaultTopic(name) on HandoffSink.builder()");
    }
    List<org.apache.kafka.common.header.Header> headers = new ArrayList<>(record.headers().size());
    for (Header h : record.headers()) {
      headers.add(new RecordHeader(h.key(), h.value()));
    }
    Long ts = record.timestamp() == OutRecord.NO_TIMESTAMP ? null : record.timestamp();
    return new ProducerRecord<>(topic, null, ts, record.key(), record.value(), headers);
  }

  @Override
  public String toString() {
    return "OutRecordSerializationSchema(" + (defaultTopic == null ? "no default topic" : defaultTopic) + ")";
  }
}
