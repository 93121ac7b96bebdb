package io.baton.flink.access;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one Kafka principal of a pipeline may do: its user name, its role, and its ACLs (sorted, no duplicates).
 * Built by {@link AccessModel}.
 *
 * <pre>{@code
 * Access readings = AccessModel.of(plan).stage("readings");
 * readings.user();   // baton.sensor-story.readings
 * readings.acls();   // READ TOPIC sensors.readings, WRITE TOPIC sensor-story.readings, ...
 * }</pre>
 */
public final class Access {
  /** Who the principal is for. */
  public enum Role { STAGE, REPLAY, ADMIN }

  private final Role role;
  private final String user;
  private final String stage;
  private final List<Acl> acls;

  private Access(Role role, String user, String stage, List<Acl> acls) {
    this.role = role;
    this.user = user;
    this.stage = stage;
    this.acls = acls;
  }

  /** {@code acls} must all be for {@code User:<user>}. */
  static Access of(Role role, String user, String stage, List<Acl> acls) {
    Objects.requireNonNull(role, "role");
    if ((role == Role.STAGE) != (stage != null)) {
      throw new IllegalArgumentException("a stage's access names its stage, others none; got " + role + ", " + stage);
    }
    String principal = "User:" + user;
    acls.stream().filter(a -> !a.principal().equals(principal)).findFirst().ifPresent(a -> {
      throw new IllegalArgumentException("ACL " + a + " is not for " + principal);
    });
    return new Access(role, user, stage, acls.stream().distinct().sorted().toList());
  }

  public Role role() {
    return role;
  }

  /** The Kafka (SCRAM) user name. */
  public String user() {
    return user;
  }

  /** {@code User:<user>}, as ACLs name it. */
  public String principal() {
    return "User:" + user;
  }

  /** The stage, for a stage's principal. */
  public Optional<String> stage() {
    return Optional.ofNullable(stage);
  }

  public List<Acl> acls() {
    return acls;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Access a && role == a.role && user.equals(a.user) && Objects.equals(stage, a.stage)
        && acls.equals(a.acls);
  }

  @Override
  public int hashCode() {
    return Objects.hash(role, user, stage, acls);
  }

  @Override
  public String toString() {
    return role.name().toLowerCase() + (stage == null ? "" : " " + stage) + " as " + principal() + ": " + acls.size()
        + " ACLs";
  }
}
