package io.baton.cli;

import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The producer commands feed input topics with: idempotent (a retry never writes a record twice), bytes in,
 * bytes out, batching for a few milliseconds.
 *
 * <pre>{@code
 * try (KafkaProducer<byte[], byte[]> producer = RawProducer.idempotent("127.0.0.1:9092")) { ... }
 * }</pre>
 */
final class RawProducer {
  private RawProducer() {}

  static KafkaProducer<byte[], byte[]> idempotent(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
