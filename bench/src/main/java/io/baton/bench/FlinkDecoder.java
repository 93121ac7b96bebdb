package io.baton.bench;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.avro.shaded.org.apache.avro.Schema;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord;
import org.apache.flink.formats.avro.registry.confluent.ConfluentRegistryAvroDeserializationSchema;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;

/**
 * Flink's own Confluent-registry Avro deserializer (flink-sql-avro-confluent-registry 2.2.0), opened the
 * way a Kafka source opens it. That jar relocates Avro, so the reader schema is parsed from JSON with the
 * relocated parser and records come out as relocated GenericRecords; its {@code forSpecific} cannot take
 * Baton's generated classes, which extend the unrelocated Avro.
 *
 * <pre>{@code
 * ConfluentRegistryAvroDeserializationSchema<GenericRecord> flink =
 *     FlinkDecoder.openGeneric(Reading.getClassSchema().toString(), registryUrl);
 * GenericRecord r = flink.deserialize(value);
 * }</pre>
 */
final class FlinkDecoder {
  private FlinkDecoder() {}

  /** Builds the deserializer for {@code readerJson} against the registry at {@code url} and opens it. */
  static ConfluentRegistryAvroDeserializationSchema<GenericRecord> openGeneric(String readerJson, String url)
      throws Exception {
    Schema reader = new Schema.Parser().parse(readerJson);
    ConfluentRegistryAvroDeserializationSchema<GenericRecord> schema =
        ConfluentRegistryAvroDeserializationSchema.forGeneric(reader, url);
    schema.open(new Context()); // 2.2.0 keeps the default no-op open(); the client is created on first use
    return schema;
  }

  /** What a source hands a DeserializationSchema when it opens: metrics and the user class loader. */
  private static final class Context implements DeserializationSchema.InitializationContext {
    @Override
    public MetricGroup getMetricGroup() {
      return new UnregisteredMetricsGroup();
    }

    @Override
    public UserCodeClassLoader getUserCodeClassLoader() {
      return SimpleUserCodeClassLoader.create(FlinkDecoder.class.getClassLoader());
    }
  }
}
