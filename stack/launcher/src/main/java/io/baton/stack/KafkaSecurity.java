package io.baton.stack;

/**
 * How the local stack's Kafka broker lets clients in. The choice is made when its storage is formatted (the first
 * {@code up}, or the first after the state folder was deleted) and kept for the life of that data.
 *
 * <pre>{@code
 * KafkaSecurity.SCRAM.describe();   // SASL_PLAINTEXT, SCRAM-SHA-512, ACLs (StandardAuthorizer), super-user admin
 * }</pre>
 */
public enum KafkaSecurity {
  /** A PLAINTEXT listener, no authentication, no authorizer: any local client may do anything. */
  PLAIN("none (PLAINTEXT, no ACLs)"),
  /** A SASL_PLAINTEXT listener with SCRAM-SHA-512, the StandardAuthorizer with no default access, an admin super-user. */
  SCRAM("SASL_PLAINTEXT, SCRAM-SHA-512, ACLs (StandardAuthorizer, deny when no ACL), super-user "
      + StackSecrets.ADMIN);

  private final String description;

  KafkaSecurity(String description) {
    this.description = description;
  }

  /** One line for {@code up} and {@code status}. */
  public String describe() {
    return description;
  }

  /** The value recorded in the state folder. */
  String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static KafkaSecurity ofId(String id) {
    for (KafkaSecurity s : values()) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown Kafka security '" + id + "'; known: plain, scram");
  }
}
