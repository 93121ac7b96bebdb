package io.baton.schemas.wire;

import io.baton.schemas.compat.CompatibilityChecker;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.RegistryException;
import io.baton.schemas.registry.RegistryUnavailableException;
import io.baton.schemas.registry.SchemaNotFoundException;
import io.baton.schemas.registry.SchemaRegistry;

import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.ParsedSchema;

/**
 * Reads Confluent-framed Avro records into one reader schema, whatever (compatible) schema wrote them.
 *
 * <p>Each writer schema id is fetched from the registry once; whether it resolves to the reader schema
 * is decided once (Avro {@code SchemaCompatibility}) and remembered, together with a reusable
 * {@code DatumReader}. Records are checked structurally before decoding, so garbage bytes fail fast as
 * {@code malformed} instead of exhausting memory.
 *
 * <p>Failures: {@link DecodeException} with reason {@code malformed} or {@code schema} (dead-letter the
 * record); {@link RegistryUnavailableException} / {@link RegistryException} when the registry cannot
 * answer (retry or fail the job, never dead-letter).
 *
 * <p>Serializable: build it on the client, ship it in a Flink function, call {@link #open()} in the
 * function's {@code open()} (or let the first {@link #decode} do it) and {@link #close()} in
 * {@code close()}. Not thread-safe: one instance per subtask.
 *
 * <pre>{@code
 * WireDecoder<Reading> decoder = WireDecoder.forSpecific(Reading.class, registryConfig);
 * decoder.open();
 * try {
 *   Reading r = decoder.decode(record.value());
 * } catch (DecodeException e) {
 *   deadLetter(record, e.reason(), e.getMessage());   // "malformed" or "schema"
 * }
 * }</pre>
 *
 * @param <T> the decoded type: a SpecificRecord class or {@link GenericRecord}
 */
public final class WireDecoder<T> implements Serializable, AutoCloseable {
  private static final long serialVersionUID = 1L;

  /** Opens the registry on the task manager; serializable so the decoder can travel. */
  interface RegistryOpener extends Serializable {
    SchemaRegistry open();
  }

  private final String readerJson;
  private final ClassRef<T> specificType;
  private final RegistryOpener opener;
  private final String registryName;

  private transient Schema reader;
  private transient GenericData data;
  private transient SchemaRegistry registry;
  private transient Map<Integer, Resolution<T>> resolutions;
  private transient BinaryDecoder decoder;
  private transient long schemaFetches;

  private WireDecoder(Schema reader, Class<T> specificType, RegistryOpener opener, String registryName) {
    this.readerJson = reader.toString();
    this.specificType = specificType == null ? null : ClassRef.of(specificType);
    this.opener = opener;
    this.registryName = registryName;
  }

  /** A decoder into a generated SpecificRecord class, fetching writer schemas from {@code config}'s registry. */
  public static <T extends SpecificRecord> WireDecoder<T> forSpecific(Class<T> type, RegistryConfig config) {
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(config, "config must not be null");
    Schema schema = SpecificData.getForClass(type).getSchema(type);
    return new WireDecoder<>(schema, type, () -> SchemaRegistry.connect(config), config.url());
  }

  /** A decoder into GenericRecords of {@code reader} (which may declare only the fields it needs). */
  public static WireDecoder<GenericRecord> forGeneric(Schema reader, RegistryConfig config) {
    Objects.requireNonNull(reader, "reader schema must not be null");
    Objects.requireNonNull(config, "config must not be null");
    return new WireDecoder<>(reader, null, () -> SchemaRegistry.connect(config), config.url());
  }

  /** A decoder over a registry opened by {@code opener} (tests wrap the registry to count calls). */
  static <T> WireDecoder<T> over(Schema reader, Class<T> specificType, RegistryOpener opener) {
    return new WireDecoder<>(reader, specificType, opener, "custom");
  }

  /** Connects to the registry and prepares the caches; idempotent. */
  public void open() {
    if (registry != null) {
      return;
    }
    reader = new Schema.Parser().parse(readerJson);
    data = specificType != null ? SpecificData.getForClass(specificType.get()) : GenericData.get();
    resolutions = new HashMap<>();
    schemaFetches = 0;
    registry = opener.open();
  }

  /**
   * Decodes one framed record.
   *
   * @throws DecodeException when the record must be dead-lettered ({@code malformed} or {@code schema})
   * @throws RegistryUnavailableException when the registry cannot be reached (do not dead-letter)
   */
  public T decode(byte[] value) throws DecodeException {
    open();
    int id = WireFormat.schemaId(value);
    Resolution<T> resolution = resolve(id);
    String structural = AvroBinaryScanner.check(resolution.writer, value, WireFormat.HEADER_LENGTH,
        value.length - WireFormat.HEADER_LENGTH);
    if (structural != null) {
      throw DecodeException.malformed(id, "cannot decode with writer schema id " + id + ": " + structural, null);
    }
    decoder = DecoderFactory.get().binaryDecoder(value, WireFormat.HEADER_LENGTH, value.length - WireFormat.HEADER_LENGTH, decoder);
    try {
      return resolution.reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw DecodeException.malformed(id, "cannot decode with writer schema id " + id + ": " + e, e);
    }
  }

  /** The schema records are decoded into. */
  public Schema readerSchema() {
    return reader != null ? reader : new Schema.Parser().parse(readerJson);
  }

  /** How many writer schemas this decoder has fetched from the registry since {@link #open()}. */
  public long schemaFetches() {
    return schemaFetches;
  }

  /** Releases the registry client; {@link #open()} may be called again later. */
  @Override
  public void close() {
    if (registry != null) {
      registry.close();
      registry = null;
      resolutions = null;
      decoder = null;
    }
  }

  private Resolution<T> resolve(int id) throws DecodeException {
    Resolution<T> known = resolutions.get(id);
    if (known == null) {
      known = fetchAndResolve(id); // an unknown id throws before caching: it may be registered later
      resolutions.put(id, known);
    }
    if (known.failure != null) {
      throw DecodeException.schema(id, known.failure);
    }
    return known;
  }

  private Resolution<T> fetchAndResolve(int id) throws DecodeException {
    ParsedSchema parsed;
    try {
      parsed = registry.parsedById(id);
      schemaFetches++;
    } catch (SchemaNotFoundException e) {
      throw DecodeException.schema(id, "unknown schema id " + id + ": the registry has no such schema");
    }
    if (!"AVRO".equals(parsed.schemaType())) {
      return Resolution.failed("writer schema id " + id + " is a " + parsed.schemaType() + " schema, not Avro");
    }
    Schema writer = new Schema.Parser().parse(parsed.canonicalString());
    if (SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
        != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      return Resolution.failed("writer schema id " + id + " cannot be read as " + reader.getFullName() + ": "
          + CompatibilityChecker.check(writer, reader).problems());
    }
    DatumReader<T> datumReader = specificType != null
        ? new SpecificDatumReader<>(writer, reader, (SpecificData) data)
        : new GenericDatumReader<>(writer, reader, data);
    return new Resolution<>(writer, datumReader, null);
  }

  /** What one writer schema id means for this reader: a reader, or why there is none. */
  private record Resolution<T>(Schema writer, DatumReader<T> reader, String failure) {
    static <T> Resolution<T> failed(String failure) {
      return new Resolution<>(null, null, failure);
    }
  }

  @Override
  public String toString() {
    String target = specificType != null ? specificType.simpleName() + ".class" : readerSchema().getFullName();
    return "WireDecoder.for" + (specificType != null ? "Specific" : "Generic") + "(" + target + ", " + registryName + ")";
  }
}
