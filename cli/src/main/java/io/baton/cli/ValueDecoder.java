package io.baton.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.baton.schemas.registry.RegistryAuthException;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.RegistryException;
import io.baton.schemas.registry.RegistryUnavailableException;
import io.baton.schemas.registry.SchemaNotFoundException;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.wire.DecodeException;
import io.baton.schemas.wire.WireDecoder;
import io.baton.schemas.wire.WireFormat;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Shows any record value as JSON through the registry: the schema id in its Confluent wire header names the
 * writer schema (whatever subject or version it was registered under), which decodes it. A value that does
 * not decode is kept as base64 with the reason.
 *
 * <pre>{@code
 * try (ValueDecoder values = ValueDecoder.of(cluster.registry())) {
 *   values.decode(record.value()).text();   // {"sensorId":"s-1","celsius":21.5,...}  or  <17 bytes, not decodable: ...> dGVt...
 * }
 * }</pre>
 */
final class ValueDecoder implements AutoCloseable {
  private final RegistryConfig config;
  private final Map<Integer, WireDecoder<GenericRecord>> writers = new HashMap<>();
  private SchemaRegistry registry;

  private ValueDecoder(RegistryConfig config) {
    this.config = config;
  }

  static ValueDecoder of(RegistryConfig config) {
    return new ValueDecoder(java.util.Objects.requireNonNull(config, "registry config must not be null"));
  }

  /** A value as shown: its JSON, or its bytes in base64 and why they do not decode. */
  record Shown(JsonNode json, byte[] bytes, String problem) {
    static Shown decoded(JsonNode json, byte[] bytes) {
      return new Shown(json, bytes, null);
    }

    static Shown undecodable(byte[] bytes, String problem) {
      return new Shown(null, bytes, problem);
    }

    boolean decodable() {
      return json != null;
    }

    /** The JSON, or {@code <N bytes, not decodable: why> base64}, or {@code null} for a tombstone. */
    String text() {
      if (decodable()) {
        return json.toString();
      }
      if (bytes == null) {
        return "null";
      }
      return "<" + bytes.length + " bytes, not decodable: " + problem + "> " + Base64.getEncoder().encodeToString(bytes);
    }

    /** Adds {@code value} (JSON) or {@code valueBase64} and {@code undecodable} to {@code o}. */
    void into(ObjectNode o) {
      if (decodable()) {
        o.set("value", json);
      } else {
        o.putNull("value");
        o.put("valueBase64", bytes == null ? null : Base64.getEncoder().encodeToString(bytes));
        o.put("undecodable", problem);
      }
    }
  }

  /** Decodes {@code value} with the writer schema its header names. */
  Shown decode(byte[] value) {
    if (value == null) {
      return Shown.undecodable(null, "tombstone (no value)");
    }
    try {
      int id = WireFormat.schemaId(value);
      WireDecoder<GenericRecord> decoder = writers.get(id);
      if (decoder == null) {
        Schema writer;
        try {
          writer = registry().schemaById(id);
        } catch (SchemaNotFoundException e) {
          return Shown.undecodable(value, "unknown schema id " + id + ": the registry has no such schema");
        }
        decoder = WireDecoder.forGeneric(writer, config);
        writers.put(id, decoder);
      }
      return Shown.decoded(AvroJson.of(decoder.decode(value)), value);
    } catch (DecodeException e) {
      return Shown.undecodable(value, e.getMessage());
    } catch (RegistryAuthException e) {
      throw new CliException(e.getMessage(), e);
    } catch (RegistryUnavailableException e) {
      throw new CliException("cannot reach the schema registry at " + config.url() + " to decode records: " + e.getMessage(), e);
    } catch (RegistryException e) {
      return Shown.undecodable(value, e.getMessage());
    }
  }

  private SchemaRegistry registry() {
    if (registry == null) {
      registry = SchemaRegistry.connect(config);
    }
    return registry;
  }

  @Override
  public void close() {
    writers.values().forEach(WireDecoder::close);
    if (registry != null) {
      registry.close();
    }
  }
}
