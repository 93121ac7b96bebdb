package io.baton.connectors.internal;

import io.baton.connectors.HandoffSink;
import io.baton.connectors.Header;
import io.baton.connectors.OutRecord;
import io.baton.connectors.BatonHeaders;
import io.baton.connectors.RunId;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Turns an {@link OutRecord} into a Kafka producer record: its own topic or the default one, key, value,
 * headers and timestamp as given, then the run's {@link BatonHeaders#RUN} header if it has a run; the record's own partition
 * if it names one (a lineage record), else Kafka's partitioner's choice (by key hash).
 *
 * <pre>{@code
 * KafkaSink.<OutRecord>builder().setRecordSerializer(new OutRecordSerializationSchema("sensor-story.alerts"))...
 * }</pre>
 */
public final class OutRecordSerializationSchema implements KafkaRecordSerializationSchema<OutRecord> {
  private static final long serialVersionUID = 1L;

  private final String defaultTopic;
  private final RunId run;
  private transient Header runHeader;

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
    Long ts = record.timestamp() == OutRecord.NO_TIMESTAMP ? null : record.timestamp();
    ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(topic,
        record.partition() == OutRecord.NO_PARTITION ? null : record.partition(), ts, record.key(), record.value(), null);
    // Baton's headers are Kafka headers: added as they are, into the producer record's own list.
    Headers headers = out.headers();
    for (Header h : record.headers()) {
      headers.add(h);
    }
    if (run != null) {
      headers.add(runHeader());
    }
    return out;
  }

  // Made once per sink: every record of a run carries the same header.
  private Header runHeader() {
    if (runHeader == null) {
      runHeader = Header.of(BatonHeaders.RUN, run.toBytes());
    }
    return runHeader;
  }

  @Override
  public String toString() {
    return "OutRecordSerializationSchema(" + (defaultTopic == null ? "no default topic" : defaultTopic)
        + (run == null ? "" : ", run " + run) + ")";
  }
}
