package io.baton.cli;

import io.baton.connectors.KafkaClientConfig;
import io.baton.flink.access.AccessModel;
import io.baton.flink.access.Acl;
import io.baton.flink.access.AclDiff;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.resource.PatternType;

/**
 * What {@code baton acl} prints: the ACLs as a table, and what {@code --apply} changed (never a password).
 *
 * <pre>{@code
 * out.print(AclText.table(AccessModel.of(plan).acls()));
 * }</pre>
 */
final class AclText {
  private static final String[] HEADER = {"PRINCIPAL", "RESOURCE", "PATTERN", "OPERATION", "PERMISSION"};

  private AclText() {}

  /** One row per ACL (grouped by principal and resource): principal, resource ({@code TOPIC name}), pattern, operation, permission; columns aligned. */
  static String table(List<Acl> acls) {
    List<String[]> rows = new java.util.ArrayList<>();
    rows.add(HEADER);
    for (Acl a : byResource(acls)) {
      rows.add(new String[] {a.principal(), a.resourceType() + " " + a.name(), pattern(a.patternType()),
          a.operation().name(), a.permission().name()});
    }
    int[] widths = new int[HEADER.length];
    rows.forEach(r -> {
      for (int i = 0; i < r.length; i++) {
        widths[i] = Math.max(widths[i], r[i].length());
      }
    });
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        sb.append(i == r.length - 1 ? r[i] : String.format("%-" + (widths[i] + 2) + "s", r[i]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** What {@code --apply} created and removed, ACLs and logins, then one line of totals. */
  static String applied(AccessModel model, KafkaClientConfig kafka, AclDiff diff, Optional<PrincipalLogins.Outcome> made,
      Optional<PrincipalLogins> logins) {
    StringBuilder sb = new StringBuilder("Kafka at ").append(kafka.bootstrapServers()).append(", pipeline ")
        .append(model.pipeline()).append(":\n");
    diff.toCreate().forEach(a -> sb.append("  created ACL ").append(a).append('\n'));
    diff.toRemove().forEach(b -> sb.append("  removed ACL ").append(AclDiff.describe(b)).append('\n'));
    made.ifPresent(o -> {
      o.created().forEach(u -> sb.append("  created login ").append(u).append(" (").append(o.mechanism().mechanismName())
          .append("), its client settings in ").append(logins.orElseThrow().file(u)).append('\n'));
      o.removed().forEach(u -> sb.append("  removed login ").append(u).append('\n'));
    });
    boolean changed = !diff.isEmpty() || made.map(PrincipalLogins.Outcome::changed).orElse(false);
    if (!changed) {
      sb.append("  nothing to change: the ").append(diff.inPlace()).append(" ACLs")
          .append(made.map(o -> " and " + o.inPlace().size() + " logins").orElse("")).append(" are in place\n");
    }
    sb.append("ACLs: ").append(diff.toCreate().size()).append(" created, ").append(diff.toRemove().size())
        .append(" removed, ").append(diff.inPlace()).append(" in place.");
    if (made.isPresent()) {
      PrincipalLogins.Outcome o = made.get();
      sb.append(" Logins: ").append(o.created().size()).append(" created, ").append(o.removed().size())
          .append(" removed, ").append(o.inPlace().size()).append(" in place; stage jobs of the next run log in as their")
          .append(" own principal.");
    } else {
      sb.append(" No logins made: Kafka at ").append(kafka.bootstrapServers()).append(" does not log in with SCRAM;")
          .append(" give each principal above its credentials there (Baton makes SCRAM logins only).");
    }
    return sb.append('\n').toString();
  }

  /** Each principal's rows together (in the model's order), then by resource type and name, then operation. */
  private static List<Acl> byResource(List<Acl> acls) {
    List<String> principals = acls.stream().map(Acl::principal).distinct().toList();
    return acls.stream().sorted(java.util.Comparator.<Acl>comparingInt(a -> principals.indexOf(a.principal()))
        .thenComparing(a -> a.resourceType().ordinal()).thenComparing(Acl::name)
        .thenComparing(a -> a.operation().ordinal())).toList();
  }

  private static String pattern(PatternType type) {
    return type == PatternType.PREFIXED ? "PREFIXED" : "LITERAL";
  }
}
