package io.baton.flink.internal.runtime;

import io.baton.api.internal.ResourceNames;
import io.baton.connectors.BatonHeaders;
import io.baton.connectors.Header;
import io.baton.connectors.InputOffsets;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.LineageEncoder;
import io.baton.connectors.LineagePointer;
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
import org.apache.flink.util.Collector;

/**
 * Turns what a stage function returned into handoff records: Confluent-framed Avro under the
 * output subject's schema id (looked up once when the operator opens), the batch key as the Kafka
 * key, and the lineage header with the stage version and the exact inputs (none when the stage turned
 * lineage off). A pass-through's single input takes a short path: no builder, no map. A batch whose exact inputs
 * do not fit the header budget ({@link LineageEncoder#MAX_BYTES}) emits them first as lineage records to the
 * pipeline's lineage topic, through the same sink and so in the same transaction, then the output with a
 * {@link LineagePointer} header.
 */
public final class OutputWriter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final StageInfo stage;
  private final RegistryConfig registry;
  private final int budget;
  private transient WireEncoder<SpecificRecord> encoder;
  private transient LineageEncoder lineage;

  public OutputWriter(StageInfo stage, RegistryConfig registry) {
    this(stage, registry, LineageEncoder.MAX_BYTES);
  }

  /** A writer whose lineage headers hold at most {@code budget} bytes (tests; stages use the default). */
  OutputWriter(StageInfo stage, RegistryConfig registry, int budget) {
    this.stage = stage;
    this.registry = registry;
    this.budget = budget;
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
    open(WireEncoder.forSpecific((Class<SpecificRecord>) (Class) stage.outputClass().get(), outputSchemaId));
  }

  /** Opens with a ready {@code encoder} (tests, without a registry). */
  void open(WireEncoder<SpecificRecord> encoder) {
    this.encoder = encoder;
    lineage = stage.lineage() ? LineageEncoder.of(stage.version(), stage.inputTopics(), budget) : null;
  }

  /** Emits one output made from {@code inputs}, keyed by {@code key} ({@code ""}: no key), as the method below. */
  public void write(Object record, String key, long timestamp, Collection<Envelope> inputs, Collector<OutRecord> out) {
    write(record, key.isEmpty() ? null : key.getBytes(StandardCharsets.UTF_8), timestamp, inputs, out);
  }

  /**
   * One output record made from one input record (a pass-through's short path: its header always fits), with the
   * Kafka key {@code key} (null: no key). Batches of more go through {@link #write(Object, byte[], long, Collection, Collector)}.
   */
  public OutRecord write(Object record, byte[] key, long timestamp, Collection<Envelope> inputs) {
    return output(record, key, timestamp, lineage == null ? List.of() : provenance(inputs));
  }

  /** The lineage header of an output of one input: no offset set built. */
  private List<Header> provenance(Collection<Envelope> inputs) {
    if (inputs.size() != 1) {
      throw new IllegalArgumentException("a pass-through output has one input, got " + inputs.size());
    }
    KafkaRecord r = inputs.iterator().next().record;
    return List.of(lineage.header(r.topic(), r.partition(), r.offset()));
  }

  /** Emits one output made from {@code inputs} (a batch) to {@code out}, after its lineage records if it needs them. */
  public void write(Object record, byte[] key, long timestamp, Collection<Envelope> inputs, Collector<OutRecord> out) {
    if (lineage == null || inputs.size() == 1) {
      out.collect(write(record, key, timestamp, inputs));
      return;
    }
    InputOffsets.Builder offsets = InputOffsets.builder();
    for (Envelope e : inputs) {
      offsets.add(e.record);
    }
    write(record, key, timestamp, offsets.build(), out);
  }

  /**
   * Emits one output made from the exact {@code inputs} (an aggregate's offset set) to {@code out}, with the Kafka
   * key {@code key} (null: no key): inline lineage when it fits the budget, else its lineage records first and then
   * the output pointing to them.
   */
  public void write(Object record, byte[] key, long timestamp, InputOffsets inputs, Collector<OutRecord> out) {
    if (lineage == null) {
      out.collect(output(record, key, timestamp, List.of()));
      return;
    }
    byte[] inline = lineage.encodeExact(inputs);
    if (inline != null) {
      out.collect(output(record, key, timestamp, List.of(Header.of(BatonHeaders.LINEAGE, inline))));
      return;
    }
    byte[] exact = lineage.exact(inputs);
    LineagePointer pointer = LineagePointer.to(exact, inputs.count(), stage.stage(),
        ResourceNames.lineageTopic(stage.pipeline()), LineagePointer.PARTITIONS);
    pointer.records(exact).forEach(out::collect);
    out.collect(output(record, key, timestamp, List.of(pointer.header())));
  }

  private OutRecord output(Object record, byte[] key, long timestamp, List<Header> headers) {
    return new OutRecord(null, key, encoder.encode((SpecificRecord) record), headers,
        timestamp < 0 ? OutRecord.NO_TIMESTAMP : timestamp);
  }
}
