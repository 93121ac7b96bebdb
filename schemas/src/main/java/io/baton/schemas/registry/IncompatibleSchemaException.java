package io.baton.schemas.registry;

/**
 * The registry refused to register a schema because it breaks the subject's compatibility level
 * (HTTP 409). Use {@link SchemaRegistry#testCompatibility} first for a list of problems.
 *
 * <pre>{@code
 * try { registry.register("orders-value", v2); }
 * catch (IncompatibleSchemaException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public final class IncompatibleSchemaException extends RegistryException {
  private static final long serialVersionUID = 1L;

  /** Refused as incompatible, with the registry's explanation in the message. */
  public IncompatibleSchemaException(String message, int errorCode, Throwable cause) {
    super(message, 409, errorCode, cause);
  }
}
