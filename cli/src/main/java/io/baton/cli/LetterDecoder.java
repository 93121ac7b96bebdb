package io.baton.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.connectors.DeadLetterRecord;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import io.baton.schemas.registry.RegistryAuthException;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.RegistryException;
import io.baton.schemas.registry.RegistryUnavailableException;
import io.baton.schemas.registry.SchemaNotFoundException;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.wire.DecodeException;
import io.baton.schemas.wire.WireDecoder;
import io.baton.schemas.wire.WireFormat;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Shows a dead letter's value as JSON where its bytes allow: decoded with the registry schema id in the
 * bytes into the stage's reader schema for the topic it came from, or, when that writer schema does not
 * resolve to the reader, into the writer schema itself. Bytes that decode neither way are described.
 *
 * <pre>{@code
 * try (LetterDecoder decoder = LetterDecoder.of(plan, registryConfig)) {
 *   LetterDecoder.Decoded d = decoder.decode(plan.stage("readings"), letter);
 *   d.text();   // {"sensorId":"s-1","celsius":500.0,...}  or  <17 bytes, not decodable: magic byte is 0x74, ...>
 * }
 * }</pre>
 */
final class LetterDecoder implements AutoCloseable {
  private final Plan plan;
  private final RegistryConfig config;
  private final Map<String, WireDecoder<GenericRecord>> readers = new HashMap<>();
  private final Map<Integer, WireDecoder<GenericRecord>> writers = new HashMap<>();
  private SchemaRegistry registry;

  private LetterDecoder(Plan plan, RegistryConfig config) {
    this.plan = plan;
    this.config = config;
  }

  static LetterDecoder of(Plan plan, RegistryConfig config) {
    return new LetterDecoder(java.util.Objects.requireNonNull(plan, "plan must not be null"),
        java.util.Objects.requireNonNull(config, "registry config must not be null"));
  }

  /**
   * A decoded value: JSON and, when the reader schema could not be used, which writer schema was;
   * or why the bytes do not decode.
   */
  record Decoded(JsonNode json, String via, int bytes, String problem) {
    boolean decodable() {
      return json != null;
    }

    /** The JSON, or {@code <N bytes, not decodable: why>}. */
    String text() {
      return decodable() ? json.toString() + (via == null ? "" : " (as " + via + ")")
          : "<" + bytes + " bytes, not decodable: " + problem + ">";
    }
  }

  /** Decodes {@code letter}, a dead letter of {@code stage}. */
  Decoded decode(PlannedStage stage, DeadLetterRecord letter) {
    byte[] value = letter.record().value();
    int size = value == null ? 0 : value.length;
    try {
      int id = WireFormat.schemaId(value);
      WireDecoder<GenericRecord> reader = readerFor(stage, letter);
      DecodeException readerProblem = null;
      if (reader != null) {
        try {
          return new Decoded(AvroJson.of(reader.decode(value)), null, size, null);
        } catch (DecodeException e) {
          if (e.kind() != DecodeException.Kind.SCHEMA) {
            throw e;
          }
          readerProblem = e;
        }
      }
      Schema writer;
      try {
        writer = registry().schemaById(id);
      } catch (SchemaNotFoundException e) {
        String why = readerProblem != null ? readerProblem.getMessage() : "unknown schema id " + id + ": the registry has no such schema";
        return new Decoded(null, null, size, why);
      }
      GenericRecord decoded = writers.computeIfAbsent(id, i -> WireDecoder.forGeneric(writer, config)).decode(value);
      return new Decoded(AvroJson.of(decoded), "writer schema id " + id, size, null);
    } catch (DecodeException e) {
      return new Decoded(null, null, size, e.getMessage());
    } catch (RegistryAuthException e) {
      throw new CliException(e.getMessage(), e);
    } catch (RegistryUnavailableException e) {
      throw new CliException("cannot reach the schema registry at " + config.url() + " to decode dead letters: "
          + e.getMessage(), e);
    } catch (RegistryException e) {
      return new Decoded(null, null, size, e.getMessage());
    }
  }

  /** The decoder into the stage's reader schema for the letter's source topic, or null when the topic is not an input. */
  private WireDecoder<GenericRecord> readerFor(PlannedStage stage, DeadLetterRecord letter) {
    int input = letter.sourceTopic().map(stage.inputTopics()::indexOf).orElse(-1);
    if (input < 0 || input >= stage.inputClasses().size()) {
      return null;
    }
    String recordClass = stage.inputClasses().get(input);
    return readers.computeIfAbsent(recordClass, c -> WireDecoder.forGeneric(plan.schema(c), config));
  }

  private SchemaRegistry registry() {
    if (registry == null) {
      registry = SchemaRegistry.connect(config);
    }
    return registry;
  }

  @Override
  public void close() {
    readers.values().forEach(WireDecoder::close);
    writers.values().forEach(WireDecoder::close);
    if (registry != null) {
      registry.close();
    }
  }
}
