package io.baton.testing;

import io.baton.connectors.KafkaRecord;
import io.baton.schemas.wire.DecodeException;
import io.baton.schemas.wire.WireDecoder;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** Decodes single raw records read from a topic, e.g. the inputs a provenance header points at. */
final class Decoding {
  private static final Map<Class<?>, WireDecoder<?>> DECODERS = new HashMap<>();

  private Decoding() {}

  @SuppressWarnings("unchecked")
  static synchronized <T extends SpecificRecord> T one(PipelineTestDriver driver, KafkaRecord record, Class<T> type) {
    WireDecoder<T> decoder = (WireDecoder<T>) DECODERS.computeIfAbsent(type,
        t -> WireDecoder.forSpecific(type, driver.registry()));
    try {
      return decoder.decode(record.value());
    } catch (DecodeException e) {
      throw new AssertionError(record + " does not decode as " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }
}
