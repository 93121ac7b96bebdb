package io.baton.flink.access;

import java.util.Objects;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * One Kafka ACL: a principal may (or may not) do one operation on a resource named literally or by prefix.
 * An immutable value, checked when built; {@link #toBinding()} gives Kafka's {@link AclBinding} (any host).
 *
 * <pre>{@code
 * Acl read = Acl.allow("User:baton.sensor-story.per-minute", ResourceType.TOPIC, "sensor-story.readings",
 *     PatternType.LITERAL, AclOperation.READ);
 * admin.createAcls(List.of(read.toBinding()));
 * }</pre>
 */
public final class Acl implements Comparable<Acl> {
  private final String principal;
  private final ResourceType resourceType;
  private final String name;
  private final PatternType patternType;
  private final AclOperation operation;
  private final AclPermissionType permission;

  private Acl(String principal, ResourceType resourceType, String name, PatternType patternType,
      AclOperation operation, AclPermissionType permission) {
    this.principal = principal;
    this.resourceType = resourceType;
    this.name = name;
    this.patternType = patternType;
    this.operation = operation;
    this.permission = permission;
  }

  /** Allows {@code principal} ({@code User:<name>}) {@code operation} on the resource. */
  public static Acl allow(String principal, ResourceType resourceType, String name, PatternType patternType,
      AclOperation operation) {
    return of(principal, resourceType, name, patternType, operation, AclPermissionType.ALLOW);
  }

  /** Any ACL; the types must be concrete (not {@code ANY}, {@code MATCH} or {@code UNKNOWN}). */
  public static Acl of(String principal, ResourceType resourceType, String name, PatternType patternType,
      AclOperation operation, AclPermissionType permission) {
    Objects.requireNonNull(principal, "principal");
    if (!principal.startsWith("User:") || principal.length() == "User:".length()) {
      throw new IllegalArgumentException("principal must be User:<name>, got '" + principal + "'");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("resource name must not be blank, got '" + name + "'");
    }
    if (resourceType == null || resourceType == ResourceType.ANY || resourceType == ResourceType.UNKNOWN) {
      throw new IllegalArgumentException("resourceType must be a concrete type, got " + resourceType);
    }
    if (patternType != PatternType.LITERAL && patternType != PatternType.PREFIXED) {
      throw new IllegalArgumentException("patternType must be LITERAL or PREFIXED, got " + patternType);
    }
    if (operation == null || operation == AclOperation.ANY || operation == AclOperation.UNKNOWN) {
      throw new IllegalArgumentException("operation must be a concrete operation, got " + operation);
    }
    if (permission != AclPermissionType.ALLOW && permission != AclPermissionType.DENY) {
      throw new IllegalArgumentException("permission must be ALLOW or DENY, got " + permission);
    }
    return new Acl(principal, resourceType, name, patternType, operation, permission);
  }

  public String principal() {
    return principal;
  }

  public ResourceType resourceType() {
    return resourceType;
  }

  public String name() {
    return name;
  }

  public PatternType patternType() {
    return patternType;
  }

  public AclOperation operation() {
    return operation;
  }

  public AclPermissionType permission() {
    return permission;
  }

  /** Kafka's form, for any host. */
  public AclBinding toBinding() {
    return new AclBinding(new ResourcePattern(resourceType, name, patternType),
        new AccessControlEntry(principal, "*", operation, permission));
  }

  @Override
  public int compareTo(Acl o) {
    return toString().compareTo(o.toString());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Acl a && principal.equals(a.principal) && resourceType == a.resourceType
        && name.equals(a.name) && patternType == a.patternType && operation == a.operation
        && permission == a.permission;
  }

  @Override
  public int hashCode() {
    return Objects.hash(principal, resourceType, name, patternType, operation, permission);
  }

  /** {@code User:u ALLOW READ TOPIC t}; a prefixed name ends in {@code *}. */
  @Override
  public String toString() {
    return principal + " " + permission + " " + operation + " " + resourceType + " " + name
        + (patternType == PatternType.PREFIXED ? "*" : "");
  }
}
