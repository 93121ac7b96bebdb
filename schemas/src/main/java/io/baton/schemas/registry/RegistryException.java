package io.baton.schemas.registry;

/**
 * The schema registry refused or could not answer a request.
 *
 * <p>Subtypes say what the caller can do about it: {@link RegistryUnavailableException} (retry or
 * fail, never dead-letter), {@link SchemaNotFoundException}, {@link IncompatibleSchemaException}.
 * Anything else (bad credentials, an invalid schema) is a plain {@code RegistryException}.
 *
 * <pre>{@code
 * try { registry.register("orders-value", schema); }
 * catch (IncompatibleSchemaException e) { report(e.getMessage()); }
 * }</pre>
 */
public class RegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final int errorCode;

  /** A refusal with the registry's HTTP status and error code (0 when there was no response). */
  public RegistryException(String message, int status, int errorCode, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** HTTP status of the registry's answer, or 0 when no answer came. */
  public int status() {
    return status;
  }

  /** Confluent error code of the answer (e.g. 40403 schema not found), or 0 when there was none. */
  public int errorCode() {
    return errorCode;
  }
}
