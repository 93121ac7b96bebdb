package io.baton.schemas.registry;

import io.baton.schemas.wire.DecodeException;

/**
 * The registry could not be reached or failed on its side (connection refused, timeout, HTTP 5xx).
 *
 * <p>This is never the record's fault: a stage must not dead-letter a record because of it, but
 * retry or fail so that Flink restarts from the last checkpoint.
 *
 * <pre>{@code
 * try { value = decoder.decode(bytes); }
 * catch (DecodeException e) { deadLetter(e.reason()); }   // the record is bad
 * // RegistryUnavailableException propagates: the job fails over and retries
 * }</pre>
 */
public final class RegistryUnavailableException extends RegistryException {
  private static final long serialVersionUID = 1L;

  /** The registry at an address did not answer or answered with a server error. */
  public RegistryUnavailableException(String message, int status, Throwable cause) {
    super(message, status, 0, cause);
  }
}
