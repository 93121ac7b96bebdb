package io.baton.flink.feed;

import io.baton.connectors.KafkaClientConfig;
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
    return idempotent(KafkaClientConfig.of(bootstrapServers));
  }

  /** An idempotent byte producer to where {@code kafka} connects, with its client settings. */
  public static KafkaProducer<byte[], byte[]> idempotent(KafkaClientConfig kafka) {
    Properties props = kafka.asProperties();
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
