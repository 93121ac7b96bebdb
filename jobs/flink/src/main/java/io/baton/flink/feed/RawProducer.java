package io.baton.flink.feed;

import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The producer feeds and demos write input topics with: idempotent (a retry never writes a record twice), bytes in,
 * bytes out, batching for a few milliseconds.
 *
 * <pre>{@code
 * try (KafkaProducer<byte[], byte[]> producer = RawProducer.idempotent("127.0.0.1:9092")) { ... }
 * }</pre>
 */
public final class RawProducer {
  private RawProducer() {}

  /** An idempotent byte producer to {@code bootstrapServers}. */
  public static KafkaProducer<byte[], byte[]> idempotent(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
