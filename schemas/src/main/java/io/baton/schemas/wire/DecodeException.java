package io.baton.schemas.wire;

import io.baton.schemas.registry.RegistryUnavailableException;

import java.util.OptionalInt;

/**
 * A record's bytes cannot be accepted; {@link #reason()} is the dead-letter reason.
 *
 * <ul>
 *   <li>{@code malformed}: null value, too short, wrong magic byte, truncated or undecodable bytes;</li>
 *   <li>{@code schema}: unknown schema id, non-Avro schema, or a writer schema that does not resolve to
 *       the reader schema.</li>
 * </ul>
 * A registry that cannot be reached is never a {@code DecodeException}: see {@link RegistryUnavailableException}.
 * Thrown without a stack trace (it is data, not a bug), so dead-lettering many records stays cheap.
 *
 * <pre>{@code
 * try { out.collect(decoder.decode(record.value())); }
 * catch (DecodeException e) { out.collect(deadLetters.record(record, DeadLetterReason.parse(e.reason()), e.getMessage())); }
 * }</pre>
 */
public final class DecodeException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The two kinds of rejection, with their dead-letter reason text. */
  public enum Kind {
    /** The bytes are not a well-formed Confluent-framed Avro record. */
    MALFORMED("malformed"),
    /** The bytes are framed correctly but their schema is unknown or does not fit the reader. */
    SCHEMA("schema");

    private final String reason;

    Kind(String reason) {
      this.reason = reason;
    }

    /** The dead-letter reason: {@code malformed} or {@code schema}. */
    public String reason() {
      return reason;
    }
  }

  private final Kind kind;
  private final int schemaId;

  private DecodeException(Kind kind, int schemaId, String message, Throwable cause) {
    super(message, cause, false, false);
    this.kind = kind;
    this.schemaId = schemaId;
  }

  /** The bytes are malformed; {@code schemaId} is -1 when the header could not be read. */
  public static DecodeException malformed(int schemaId, String message, Throwable cause) {
    return new DecodeException(Kind.MALFORMED, schemaId, message, cause);
  }

  /** The writer schema {@code schemaId} is unknown or does not fit the reader. */
  public static DecodeException schema(int schemaId, String message) {
    return new DecodeException(Kind.SCHEMA, schemaId, message, null);
  }

  /** What kind of rejection this is. */
  public Kind kind() {
    return kind;
  }

  /** The dead-letter reason: {@code malformed} or {@code schema}. */
  public String reason() {
    return kind.reason();
  }

  /** The writer schema id from the header, when the header was readable. */
  public OptionalInt schemaId() {
    return schemaId < 0 ? OptionalInt.empty() : OptionalInt.of(schemaId);
  }

  @Override
  public String toString() {
    return kind.reason() + ": " + getMessage();
  }
}
