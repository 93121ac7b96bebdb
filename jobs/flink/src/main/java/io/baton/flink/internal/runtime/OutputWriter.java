package io.baton.flink.internal.runtime;

import io.baton.connectors.Header;
import io.baton.connectors.InputOffsets;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.LineageEncoder;
import io.baton.connectors.OutRecord;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.wire.WireEncoder;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns what a stage function returned into handoff records: Confluent-framed Avro under the
 * output subject's schema id (looked up once when the operator opens), the batch key as the Kafka
 * key, and the lineage header with the stage version and the exact inputs (none when the stage turned
 * lineage off). A pass-through's single input takes a short path: no builder, no map.
 */
public final class OutputWriter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final StageInfo stage;
  private final RegistryConfig registry;
  private transient WireEncoder<SpecificRecord> encoder;
  private transient LineageEncoder lineage;

  public OutputWriter(StageInfo stage, RegistryConfig registry) {
    this.stage = stage;
    this.registry = registry;
  }

  /** Looks up (or registers) the output schema's id; registering an existing schema returns its id. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void open() {
    Class<SpecificRecord> type = (Class) stage.outputClass().get();
    try (SchemaRegistry client = SchemaRegistry.connect(registry)) {
      open(client.register(stage.outputSubject(), SpecificData.get().getSchema(type)));
    }
  }

  /** Opens with the output schema's registry id known (benchmarks: no registry). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void open(int outputSchemaId) {
    encoder = WireEncoder.forSpecific((Class<SpecificRecord>) (Class) stage.outputClass().get(), outputSchemaId);
    lineage = stage.lineage() ? LineageEncoder.of(stage.version(), stage.inputTopics()) : null;
  }

  /** One output record made from {@code inputs}, keyed by {@code key} ({@code ""}: no key). */
  public OutRecord write(Object record, String key, long timestamp, Collection<Envelope> inputs) {
    return write(record, key.isEmpty() ? null : key.getBytes(StandardCharsets.UTF_8), timestamp, inputs);
  }

  /** One output record made from {@code inputs}, with the Kafka key {@code key} (null: no key). */
  public OutRecord write(Object record, byte[] key, long timestamp, Collection<Envelope> inputs) {
    return output(record, key, timestamp, lineage == null ? List.of() : provenance(inputs));
  }

  /** The lineage header of an output of {@code inputs}; one input (a pass-through) builds no offset set. */
  private List<Header> provenance(Collection<Envelope> inputs) {
    if (inputs.size() == 1) {
      KafkaRecord r = inputs.iterator().next().record;
      return List.of(lineage.header(r.topic(), r.partition(), r.offset()));
    }
    InputOffsets.Builder offsets = InputOffsets.builder();
    for (Envelope e : inputs) {
      offsets.add(e.record);
    }
    return provenance(offsets.build());
  }

  /** One output record made from the exact {@code inputs} (an aggregate's offset set), with the Kafka key {@code key} (null: no key). */
  public OutRecord write(Object record, byte[] key, long timestamp, InputOffsets inputs) {
    return output(record, key, timestamp, provenance(inputs));
  }

  /** The lineage header for {@code inputs}, or none when the stage turned lineage off. */
  private List<Header> provenance(InputOffsets inputs) {
    return lineage == null ? List.of() : List.of(lineage.header(inputs));
  }

  private OutRecord output(Object record, byte[] key, long timestamp, List<Header> headers) {
    return new OutRecord(null, key, encoder.encode((SpecificRecord) record), headers,
        timestamp < 0 ? OutRecord.NO_TIMESTAMP : timestamp);
  }
}
