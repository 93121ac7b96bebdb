package io.baton.quickstart;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The integration test's own producer and reader in the Confluent wire format (magic byte 0, 4-byte schema id, Avro
 * binary), with generic Avro records and the registry's REST API: independent of Baton's codec.
 *
 * <pre>{@code
 * ConfluentAvro kafka = new ConfluentAvro("127.0.0.1:9092", "http://127.0.0.1:8085/apis/ccompat/v7");
 * kafka.send("orders", orderSchema, List.of(order));
 * List<GenericRecord> counts = kafka.readCommitted("customer-counts", countSchema);
 * }</pre>
 */
final class ConfluentAvro {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String bootstrap;
  private final String registry;

  ConfluentAvro(String bootstrap, String registry) {
    this.bootstrap = bootstrap;
    this.registry = registry;
  }

  /** Creates the topic (one partition) unless it exists, registers the schema as {@code <topic>-value}, sends. */
  void send(String topic, Schema schema, List<GenericRecord> records) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      if (!admin.listTopics().names().get().contains(topic)) {
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
      }
    }
    int id = register(topic + "-value", schema);
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
      for (GenericRecord r : records) {
        producer.send(new ProducerRecord<>(topic, null, (Long) r.get("timestamp"), null, encode(id, schema, r))).get();
      }
    }
  }

  private int register(String subject, Schema schema) throws IOException, InterruptedException {
    String body = JSON.writeValueAsString(Map.of("schema", schema.toString()));
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(registry + "/subjects/"
            + subject + "/versions")).header("Content-Type", "application/vnd.schemaregistry.v1+json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("registry " + registry + " refused " + subject + ": HTTP " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body()).get("id").asInt();
  }

  private static byte[] encode(int id, Schema schema, GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(id).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  /** Every committed record of the topic now, decoded with {@code schema} (the writer's). */
  List<GenericRecord> readCommitted(String topic, Schema schema) throws IOException {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    List<GenericRecord> out = new ArrayList<>();
    GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(schema);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
          .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (var rec : consumer.poll(Duration.ofMillis(500))) {
          byte[] v = rec.value();
          if (v.length < 5 || v[0] != 0) {
            throw new IllegalStateException(topic + "@" + rec.offset() + " is not in the Confluent wire format");
          }
          out.add(reader.read(null, DecoderFactory.get().binaryDecoder(v, 5, v.length - 5, null)));
        }
      }
    }
    return out;
  }

  static GenericRecord record(Schema schema, Map<String, Object> fields) {
    GenericData.Record r = new GenericData.Record(schema);
    fields.forEach(r::put);
    return r;
  }
}
