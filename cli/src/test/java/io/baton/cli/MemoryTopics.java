package io.baton.cli;

import io.baton.connectors.Header;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * One-partition topics in memory behind a mock consumer, served again on every poll from the position on; a
 * skipped offset stands for a transaction marker.
 */
final class MemoryTopics extends MockConsumer<byte[], byte[]> {
  private final Map<String, List<ConsumerRecord<byte[], byte[]>>> held = new HashMap<>();
  private final Map<String, Long> next = new HashMap<>();

  MemoryTopics() {
    super("earliest");
  }

  /** Adds a record at the topic's next offset. */
  MemoryTopics add(String topic, byte[] value, List<Header> headers) {
    return add(topic, null, value, headers);
  }

  /** Adds a keyed record at the topic's next offset. */
  MemoryTopics add(String topic, byte[] key, byte[] value, List<Header> headers) {
    long offset = next.getOrDefault(topic, 0L);
    RecordHeaders kafkaHeaders = new RecordHeaders();
    headers.forEach(h -> kafkaHeaders.add(h.key(), h.value()));
    held.computeIfAbsent(topic, t -> new ArrayList<>()).add(new ConsumerRecord<>(topic, 0, offset, offset, TimestampType.CREATE_TIME,
        key == null ? -1 : key.length, value.length, key, value, kafkaHeaders, Optional.empty()));
    next.put(topic, offset + 1);
    return this;
  }

  /** Leaves an offset without a record, as a transaction marker does. */
  MemoryTopics marker(String topic) {
    next.merge(topic, 1L, Long::sum);
    return this;
  }

  /** Makes the topics known with their partitions and offsets; call after adding. */
  void publish() {
    next.forEach((topic, end) -> {
      TopicPartition tp = new TopicPartition(topic, 0);
      updatePartitions(topic, List.of(new PartitionInfo(topic, 0, null, null, null)));
      updateBeginningOffsets(Map.of(tp, 0L));
      updateEndOffsets(Map.of(tp, end));
    });
  }

  @Override
  public synchronized ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
    for (TopicPartition tp : assignment()) {
      long from = position(tp);
      List<ConsumerRecord<byte[], byte[]>> ahead = held.getOrDefault(tp.topic(), List.of()).stream()
          .filter(r -> r.offset() >= from).toList();
      // As a read_committed consumer does, the position moves over markers to the next record, or to the end.
      seek(tp, ahead.isEmpty() ? next.getOrDefault(tp.topic(), 0L) : ahead.get(0).offset());
      ahead.forEach(this::addRecord);
    }
    return super.poll(timeout);
  }
}
