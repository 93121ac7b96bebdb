package io.baton.flink.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.acl.AclBinding;

/**
 * What applying an {@link AccessModel} to a Kafka cluster changes: the model's ACLs the cluster lacks (to create) and
 * the cluster's ACLs of this pipeline's principals that the model no longer has (to remove), such as a removed
 * stage's. A pipeline's principals are known by their names ({@code baton.<p>.<stage>}, {@code baton-replay.<p>},
 * {@code baton-admin.<p>}); ACLs of any other principal are never touched, even on the pipeline's topics.
 *
 * <pre>{@code
 * AclDiff diff = AclDiff.between(AccessModel.of(plan), admin.describeAcls(AclBindingFilter.ANY).values().get());
 * admin.createAcls(diff.toCreate().stream().map(Acl::toBinding).toList());
 * admin.deleteAcls(diff.toRemove().stream().map(AclBinding::toFilter).toList());
 * }</pre>
 */
public final class AclDiff {
  private final List<Acl> toCreate;
  private final List<AclBinding> toRemove;
  private final int inPlace;

  private AclDiff(List<Acl> toCreate, List<AclBinding> toRemove, int inPlace) {
    this.toCreate = toCreate;
    this.toRemove = toRemove;
    this.inPlace = inPlace;
  }

  /** Compares {@code model} with every ACL the cluster holds ({@code existing}, any principal). */
  public static AclDiff between(AccessModel model, Collection<AclBinding> existing) {
    Set<AclBinding> wanted = new HashSet<>(model.bindings());
    Set<AclBinding> present = new HashSet<>();
    List<AclBinding> remove = new ArrayList<>();
    for (AclBinding b : existing) {
      if (wanted.contains(b)) {
        present.add(b);
      } else if (owns(model.pipeline(), b.entry().principal())) {
        remove.add(b);
      }
    }
    List<Acl> create = model.acls().stream().filter(a -> !present.contains(a.toBinding())).toList();
    remove.sort(java.util.Comparator.comparing(AclDiff::describe));
    return new AclDiff(create, List.copyOf(remove), present.size());
  }

  /** True for the principals Baton derives for {@code pipeline}: its stages' (any stage name), replay's and admin's. */
  public static boolean owns(String pipeline, String principal) {
    return principal.equals("User:baton-replay." + pipeline) || principal.equals("User:baton-admin." + pipeline)
        || Pattern.matches("User:baton\\." + Pattern.quote(pipeline) + "\\.[a-z][a-z0-9-]*", principal);
  }

  /** The model's ACLs missing from the cluster, in the model's order. */
  public List<Acl> toCreate() {
    return toCreate;
  }

  /** The cluster's ACLs of this pipeline's principals that the model does not have, as the cluster holds them. */
  public List<AclBinding> toRemove() {
    return toRemove;
  }

  /** How many of the model's ACLs the cluster already holds. */
  public int inPlace() {
    return inPlace;
  }

  public boolean isEmpty() {
    return toCreate.isEmpty() && toRemove.isEmpty();
  }

  /** An ACL as {@link Acl#toString()} writes it, with its host when it is not any host. */
  public static String describe(AclBinding b) {
    String text = b.entry().principal() + " " + b.entry().permissionType() + " " + b.entry().operation() + " "
        + b.pattern().resourceType() + " " + b.pattern().name()
        + (b.pattern().patternType() == org.apache.kafka.common.resource.PatternType.PREFIXED ? "*" : "");
    return b.entry().host().equals("*") ? text : text + " from " + b.entry().host();
  }

  @Override
  public String toString() {
    return "AclDiff[create " + toCreate.size() + ", remove " + toRemove.size() + ", in place " + inPlace + "]";
  }
}
