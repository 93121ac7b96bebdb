package io.baton.connectors.internal;

import io.baton.connectors.KafkaRecord;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns every consumed Kafka record into a {@link KafkaRecord}, bytes untouched: decoding and acceptance
 * happen later in the stage so that a bad record can be dead-lettered instead of failing the source.
 *
 * <pre>{@code
 * KafkaSource.<KafkaRecord>builder().setDeserializer(new HandoffDeserializer())...
 * }</pre>
 */
public final class HandoffDeserializer implements KafkaRecordDeserializationSchema<KafkaRecord> {
  private static final long serialVersionUID = 1L;

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<KafkaRecord> out) {
    out.collect(KafkaRecord.from(record));
  }

  @Override
  public TypeInformation<KafkaRecord> getProducedType() {
    return KafkaRecord.Types.TYPE_INFO;
  }

  @Override
  public String toString() {
    return "HandoffDeserializer";
  }
}
