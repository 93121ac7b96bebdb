package io.baton.schemas.registry;

/**
 * The registry has no such schema id, subject or version (HTTP 404).
 *
 * <pre>{@code
 * try { registry.schemaById(42); } catch (SchemaNotFoundException e) { ... }
 * }</pre>
 */
public final class SchemaNotFoundException extends RegistryException {
  private static final long serialVersionUID = 1L;

  /** Not found, with the registry's error code (40401 subject, 40402 version, 40403 schema). */
  public SchemaNotFoundException(String message, int errorCode, Throwable cause) {
    super(message, 404, errorCode, cause);
  }
}
