package io.baton.bench.harness;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Side D, the plain consume-produce loop a user would write with kafka-clients alone: a {@code read_committed}
 * consumer and a transactional producer; each transaction holds the copies of about 100 ms of polls (Kafka Streams'
 * exactly-once commit interval) and the consumer's offsets, so it is exactly-once like the others.
 *
 * <pre>{@code
 * Duration took = new CopyLoopSide().run(run);
 * }</pre>
 */
public final class CopyLoopSide implements Side {
  static final long COMMIT_EVERY_MS = 100;

  @Override
  public String label() {
    return "D loop";
  }

  @Override
  public String description() {
    return "KafkaConsumer read_committed + transactional KafkaProducer, offsets in the transaction, commit every 100 ms";
  }

  @Override
  public Duration run(SideRun run) {
    String id = "bench-" + run.runId();
    TopicPartition input = new TopicPartition(run.input(), 0);
    long start = System.nanoTime();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(run, id);
        KafkaProducer<byte[], byte[]> producer = producer(run, id)) {
      consumer.assign(List.of(input));
      consumer.seekToBeginning(List.of(input));
      producer.initTransactions();
      long copied = 0;
      long deadline = start + run.timeout().toNanos();
      while (copied < run.records()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(id + " copied " + copied + " of " + run.records() + " within " + run.timeout());
        }
        producer.beginTransaction();
        long opened = System.nanoTime();
        do {
          ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(50));
          for (ConsumerRecord<byte[], byte[]> r : polled) {
            producer.send(new ProducerRecord<>(run.output(), null, r.timestamp(), r.key(), r.value()));
          }
          copied += polled.count();
        } while (copied < run.records() && System.nanoTime() - opened < COMMIT_EVERY_MS * 1_000_000);
        producer.sendOffsetsToTransaction(Map.of(input, new OffsetAndMetadata(consumer.position(input))),
            consumer.groupMetadata());
        producer.commitTransaction();
      }
      return Duration.ofNanos(System.nanoTime() - start);
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(SideRun run, String group) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, run.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static KafkaProducer<byte[], byte[]> producer(SideRun run, String transactionalId) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, run.bootstrapServers());
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
