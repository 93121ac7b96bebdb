package io.baton.schemas.registry;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One version of a subject in the registry: its global id, version number and Avro schema.
 *
 * <pre>{@code
 * registry.latest("sensors.readings-value").ifPresent(s -> System.out.println(s.id()));
 * }</pre>
 */
public final class RegisteredSchema {
  private final String subject;
  private final int id;
  private final int version;
  private final Schema schema;

  private RegisteredSchema(String subject, int id, int version, Schema schema) {
    this.subject = subject;
    this.id = id;
    this.version = version;
    this.schema = schema;
  }

  /** A registered schema; the subject and schema must not be null. */
  public static RegisteredSchema of(String subject, int id, int version, Schema schema) {
    Objects.requireNonNull(subject, "subject must not be null");
    Objects.requireNonNull(schema, "schema must not be null");
    return new RegisteredSchema(subject, id, version, schema);
  }

  /** The subject, e.g. {@code sensors.readings-value}. */
  public String subject() {
    return subject;
  }

  /** The registry-wide schema id written into the wire format's header. */
  public int id() {
    return id;
  }

  /** The version number within the subject, from 1. */
  public int version() {
    return version;
  }

  /** The Avro schema. */
  public Schema schema() {
    return schema;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegisteredSchema other
        && subject.equals(other.subject) && id == other.id && version == other.version
        && schema.equals(other.schema);
  }

  @Override
  public int hashCode() {
    return Objects.hash(subject, id, version, schema);
  }

  @Override
  public String toString() {
    return subject + " v" + version + " (id " + id + ", " + schema.getFullName() + ")";
  }
}
