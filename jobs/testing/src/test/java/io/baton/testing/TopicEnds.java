package io.baton.testing;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Where a one-partition topic ends for {@code read_committed} readers (its last stable offset) and for
 * {@code read_uncommitted} ones (its high watermark); and the offsets a {@code read_uncommitted} reader sees,
 * which include records of aborted transactions.
 *
 * <pre>{@code
 * boolean open = TopicEnds.of(admin, "p.count-1").open();   // records of a transaction not yet decided
 * }</pre>
 */
record TopicEnds(long stable, long end) {

  static TopicEnds of(Admin admin, String topic) throws Exception {
    TopicPartition p = new TopicPartition(topic, 0);
    long stable = offset(admin, p, IsolationLevel.READ_COMMITTED);
    long end = offset(admin, p, IsolationLevel.READ_UNCOMMITTED);
    return new TopicEnds(stable, end);
  }

  /** True while a transaction with records in the topic is neither committed nor aborted. */
  boolean open() {
    return stable < end;
  }

  private static long offset(Admin admin, TopicPartition p, IsolationLevel isolation) throws Exception {
    return admin.listOffsets(Map.of(p, OffsetSpec.latest()), new ListOffsetsOptions(isolation)).partitionResult(p)
        .get(30, TimeUnit.SECONDS).offset();
  }

  /** Offsets of every data record in partition 0 of {@code topic}, aborted ones included (no control markers). */
  static Set<Long> uncommittedOffsets(String kafka, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "uncommitted-" + UUID.randomUUID());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Set<Long> offsets = new HashSet<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition p = new TopicPartition(topic, 0);
      consumer.assign(List.of(p));
      consumer.seekToBeginning(List.of(p));
      long end = consumer.endOffsets(List.of(p)).get(p);
      while (consumer.position(p) < end) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          offsets.add(r.offset());
        }
      }
    }
    return offsets;
  }
}
