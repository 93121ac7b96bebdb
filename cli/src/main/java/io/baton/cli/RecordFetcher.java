package io.baton.cli;

import io.baton.connectors.InputOffsets;
import io.baton.connectors.KafkaClientConfig;
import io.baton.connectors.KafkaLineageStore;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.LineagePointer;
import io.baton.connectors.LineageStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.LongPredicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads chosen records by their coordinates, as {@code read_committed} readers see them: one record, or the
 * exact input set of a lineage header; and the lineage topic's records a lineage pointer names. Commits nothing.
 *
 * <pre>{@code
 * try (RecordFetcher fetch = RecordFetcher.of(cluster.kafka())) {
 *   KafkaRecord alert = fetch.one("sensors.alerts", 0, 3);
 *   List<KafkaRecord> inputs = fetch.all(provenance.inputs(), 1000);
 * }
 * }</pre>
 */
final class RecordFetcher implements LineageStore, AutoCloseable {
  private static final Duration MAX_READ = Duration.ofSeconds(60);

  private final Consumer<byte[], byte[]> consumer;
  private final KafkaLineageStore lineage;

  /** A fetcher over {@code consumer}, which it closes (tests give a mock). */
  RecordFetcher(Consumer<byte[], byte[]> consumer) {
    this.consumer = consumer;
    this.lineage = KafkaLineageStore.over(consumer);
  }

  /** A fetcher with {@code kafka}'s servers and client settings. */
  static RecordFetcher of(KafkaClientConfig kafka) {
    return new RecordFetcher(new KafkaConsumer<>(consumerProperties(kafka), new ByteArrayDeserializer(), new ByteArrayDeserializer()));
  }

  /** Consumer settings of every Baton reader: read_committed, no group offsets, earliest. */
  static Properties consumerProperties(KafkaClientConfig kafka) {
    Properties props = kafka.asProperties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "baton-reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return props;
  }

  /** The partitions of {@code topic}; a missing topic is a one-line error. */
  List<TopicPartition> partitions(String topic) {
    List<PartitionInfo> info = consumer.partitionsFor(topic, Duration.ofSeconds(10));
    if (info == null || info.isEmpty()) {
      throw new CliException("topic " + topic + " does not exist");
    }
    return info.stream().map(p -> new TopicPartition(topic, p.partition())).sorted((a, b) -> a.partition() - b.partition()).toList();
  }

  /** The record at {@code topic:partition:offset}; says which offsets exist when there is none. */
  KafkaRecord one(String topic, int partition, long offset) {
    TopicPartition tp = new TopicPartition(topic, partition);
    if (partitions(topic).stream().noneMatch(tp::equals)) {
      throw new CliException("topic " + topic + " has no partition " + partition + " (it has "
          + partitions(topic).size() + ")");
    }
    long first = consumer.beginningOffsets(List.of(tp)).get(tp);
    long end = consumer.endOffsets(List.of(tp)).get(tp);
    if (offset < first || offset >= end) {
      throw new CliException("no offset " + offset + " in " + topic + ":" + partition + ", "
          + (first >= end ? "which holds no records" : "whose offsets run from " + first + " to " + (end - 1)));
    }
    List<KafkaRecord> found = read(tp, offset, offset, end, 1, o -> true);
    if (found.isEmpty() || found.get(0).offset() != offset) {
      throw new CliException("no record at " + topic + ":" + partition + ":" + offset
          + " (a transaction marker or an aborted record)");
    }
    return found.get(0);
  }

  /**
   * The records of {@code inputs}, by topic, partition and offset; at most {@code max} of them (the first ones).
   * Offsets that no longer hold a committed record (retention, compaction) are skipped.
   */
  List<KafkaRecord> all(InputOffsets inputs, long max) {
    List<KafkaRecord> records = new ArrayList<>();
    for (TopicPartition tp : inputs.partitions()) {
      long[] offsets = inputs.offsets(tp.topic(), tp.partition());
      if (offsets.length == 0 || records.size() >= max) {
        continue;
      }
      long end = consumer.endOffsets(List.of(tp)).get(tp);
      records.addAll(read(tp, offsets[0], offsets[offsets.length - 1], end, max - records.size(),
          o -> inputs.contains(tp.topic(), tp.partition(), o)));
    }
    return records;
  }

  /**
   * The last {@code n} committed records of {@code tp} below {@code end}: read back in growing steps, since
   * transaction markers and aborted records take offsets too.
   */
  List<KafkaRecord> last(TopicPartition tp, long end, int n) {
    long first = consumer.beginningOffsets(List.of(tp)).get(tp);
    for (long back = Math.max(1, n); n > 0; back *= 2) {
      long from = Math.max(first, end - back);
      List<KafkaRecord> got = read(tp, from, end - 1, end, Long.MAX_VALUE, o -> true);
      if (got.size() >= n || from == first) {
        return got.subList(Math.max(0, got.size() - n), got.size());
      }
    }
    return List.of();
  }

  /** Committed records of {@code tp} from {@code from} to {@code to} inclusive (or its end) whose offset {@code wanted} takes, at most {@code max}. */
  private List<KafkaRecord> read(TopicPartition tp, long from, long to, long end, long max, LongPredicate wanted) {
    List<KafkaRecord> records = new ArrayList<>();
    long last = Math.min(to, end - 1);
    if (from > last) {
      return records;
    }
    consumer.assign(List.of(tp));
    consumer.seek(tp, from);
    Instant deadline = Instant.now().plus(MAX_READ);
    while (consumer.position(tp) <= last && records.size() < max) {
      if (Instant.now().isAfter(deadline)) {
        throw new CliException("could not read " + tp + " from " + from + " to " + last + " within " + MAX_READ.toSeconds() + " s");
      }
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
        if (r.offset() <= last && records.size() < max && wanted.test(r.offset())) {
          records.add(KafkaRecord.from(r));
        }
      }
    }
    consumer.unsubscribe();
    return records;
  }

  /** The exact input set a lineage pointer names, from its partition of the lineage topic. */
  @Override
  public byte[] read(LineagePointer pointer) {
    return lineage.read(pointer);
  }

  /** End offsets (what read_committed readers see) of {@code partitions}. */
  Map<TopicPartition, Long> ends(List<TopicPartition> partitions) {
    return consumer.endOffsets(partitions);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
