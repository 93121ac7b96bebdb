package io.baton.flink.internal.runtime;

import io.baton.connectors.InputOffsets;
import io.baton.connectors.OutRecord;
import io.baton.connectors.Provenance;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.wire.WireEncoder;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns what a stage function returned into handoff records: Confluent-framed Avro under the
 * output subject's schema id (looked up once when the operator opens), the batch key as the Kafka
 * key, and provenance headers naming pipeline, stage, version and the exact inputs.
 */
public final class OutputWriter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final StageInfo stage;
  private final RegistryConfig registry;
  private transient WireEncoder<SpecificRecord> encoder;

  public OutputWriter(StageInfo stage, RegistryConfig registry) {
    this.stage = stage;
    this.registry = registry;
  }

  /** Looks up (or registers) the output schema's id; registering an existing schema returns its id. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void open() {
    Class<SpecificRecord> type = (Class) stage.outputClass().get();
    int id;
    try (SchemaRegistry client = SchemaRegistry.connect(registry)) {
      id = client.register(stage.outputSubject(), SpecificData.get().getSchema(type));
    }
    encoder = WireEncoder.forSpecific(type, id);
  }

  /** One output record made from {@code inputs}, keyed by {@code key} ({@code ""}: no key). */
  public OutRecord write(Object record, String key, long timestamp, Collection<Envelope> inputs) {
    return write(record, key.isEmpty() ? null : key.getBytes(StandardCharsets.UTF_8), timestamp, inputs);
  }

  /** One output record made from {@code inputs}, with the Kafka key {@code key} (null: no key). */
  public OutRecord write(Object record, byte[] key, long timestamp, Collection<Envelope> inputs) {
    InputOffsets.Builder offsets = InputOffsets.builder();
    for (Envelope e : inputs) {
      offsets.add(e.record);
    }
    return write(record, key, timestamp, offsets.build());
  }

  /** One output record made from the exact {@code inputs}, with the Kafka key {@code key} (null: no key). */
  public OutRecord write(Object record, byte[] key, long timestamp, InputOffsets inputs) {
    return OutRecord.builder()
        .key(key)
        .value(encoder.encode((SpecificRecord) record))
        .timestamp(timestamp)
        .headers(Provenance.of(stage.pipeline(), stage.stage(), stage.version(), inputs).toHeaders())
        .build();
  }
}
