package io.baton.connectors;

/**
 * Reads the exact input set a {@link LineagePointer} names from the lineage topic: its records' values joined in
 * chunk order. {@link KafkaLineageStore} reads Kafka; tests may give a map.
 *
 * <pre>{@code
 * try (KafkaLineageStore store = KafkaLineageStore.of(kafka)) {
 *   Provenance p = Provenance.fromHeaders(record.headers(), writer.inputTopics(), store).orElseThrow();
 * }
 * }</pre>
 */
@FunctionalInterface
public interface LineageStore {
  /**
   * The joined value of {@code pointer}'s lineage records.
   *
   * @throws IllegalArgumentException when a record is missing (not committed, or no longer in the topic)
   */
  byte[] read(LineagePointer pointer);
}
