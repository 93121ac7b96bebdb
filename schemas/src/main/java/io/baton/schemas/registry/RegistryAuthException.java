package io.baton.schemas.registry;

/**
 * The registry refused the credentials it was sent, or that none were sent (HTTP 401 or 403).
 *
 * <p>Like an outage, this is never a record's fault: a stage must not dead-letter a record because
 * of it. Unlike an outage, waiting does not help, so the message says what to set.
 *
 * <pre>{@code
 * try { registry.register("orders-value", schema); }
 * catch (RegistryAuthException e) { System.err.println(e.getMessage()); }
 * // registry at http://r:8081 refused the credentials (401); set --registry-basic-auth or
 * // BATON_REGISTRY_BASIC_AUTH (sent: user 'baton'; while trying to register ...)
 * }</pre>
 */
public final class RegistryAuthException extends RegistryException {
  private static final long serialVersionUID = 1L;

  /** Where the credentials can be given (Baton's CLI option and environment variable). */
  public static final String HOW_TO_FIX = "set --registry-basic-auth or BATON_REGISTRY_BASIC_AUTH";

  private RegistryAuthException(String message, int status, int errorCode, Throwable cause) {
    super(message, status, errorCode, cause);
  }

  /**
   * A refusal by the registry at {@code url}.
   *
   * @param sent what was sent, e.g. {@code user 'baton'} or {@code no credentials}
   * @param what what the caller was trying to do, e.g. {@code fetch schema id 3}
   */
  static RegistryAuthException refused(String url, int status, int errorCode, String sent, String what, Throwable cause) {
    String refused = status == 403 ? "refused access to the credentials (403)" : "refused the credentials (" + status + ")";
    return new RegistryAuthException("registry at " + url + " " + refused + "; " + HOW_TO_FIX
        + " (sent: " + sent + "; while trying to " + what + ")", status, errorCode, cause);
  }
}
