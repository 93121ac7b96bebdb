package io.baton.schemas.registry;


import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.ParsedSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.MockSchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException;

/** An in-memory registry client that counts lookups by id. */
public final class CountingRegistryClient extends MockSchemaRegistryClient {
  public final AtomicInteger lookupsById = new AtomicInteger();

  @Override
  public ParsedSchema getSchemaById(int id) throws IOException, RestClientException {
    lookupsById.incrementAndGet();
    return super.getSchemaById(id);
  }

  public SchemaRegistry registry() {
    return new SchemaRegistry(this, "counting://");
  }
}
