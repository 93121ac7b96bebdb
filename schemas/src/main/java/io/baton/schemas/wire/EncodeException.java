package io.baton.schemas.wire;

/**
 * A record could not be written with its schema (e.g. a required field is null). This is a bug in
 * the code that built the record, not bad input.
 *
 * <pre>{@code
 * byte[] bytes = encoder.encode(summary);   // throws EncodeException naming the record and schema
 * }</pre>
 */
public final class EncodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure to encode, with the reason. */
  public EncodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
