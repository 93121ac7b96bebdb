package io.baton.flink.access;

import io.baton.api.internal.ResourceNames;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import io.baton.flink.plan.PlannedTopic;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what in Kafka for one pipeline, derived from its {@link Plan}: one principal per stage with exactly
 * what its job needs, one for {@code baton replay}, one for the CLI's admin calls. The one model that
 * {@code baton acl} and the rendered Kubernetes {@code KafkaUser}s share.
 *
 * <ul>
 *   <li>a stage ({@code baton.<p>.<s>}): READ and DESCRIBE its input topics, READ its consumer group, WRITE and
 *       DESCRIBE its output and dead-letter topics, and the pipeline's lineage topic when its lineage is on;
 *       exactly-once stages also WRITE and DESCRIBE their two
 *       transactional-id prefixes ({@code baton.<p>.<s>.handoff}, {@code baton.<p>.<s>.dead-letter}). No cluster ACL:
 *       Kafka lets a principal with WRITE on a topic produce idempotently (KIP-679, checked in 4.1's KafkaApis).
 *   <li>replay ({@code baton-replay.<p>}): READ and DESCRIBE every dead-letter topic; READ, WRITE and DESCRIBE every
 *       topic a stage reads (letters go back where they were rejected from; it reads them for replay markers).
 *   <li>admin ({@code baton-admin.<p>}): CREATE, DELETE, DESCRIBE and READ on every topic the
 *       pipeline creates (the lineage topic too, which {@code baton trace} reads), DESCRIBE on its outside inputs, DESCRIBE and DELETE on its stages' consumer groups.
 * </ul>
 *
 * <p>Transactional ids are matched by prefix, as Flink's sink appends {@code -<subtask>-<n>}; each prefix ends in
 * {@code .handoff} or {@code .dead-letter} after the stage name, so no stage's prefix matches another stage's ids.
 *
 * <pre>{@code
 * AccessModel access = AccessModel.of(Planner.plan(new SensorStory()));
 * access.stage("readings").acls().forEach(System.out::println);
 * admin.createAcls(access.bindings());
 * }</pre>
 */
public final class AccessModel {
  private final String pipeline;
  private final List<Access> principals;

  private AccessModel(String pipeline, List<Access> principals) {
    this.pipeline = pipeline;
    this.principals = principals;
  }

  public static AccessModel of(Plan plan) {
    List<Access> principals = new ArrayList<>();
    plan.stages().forEach(s -> principals.add(stage(plan.pipeline(), s)));
    principals.add(replay(plan));
    principals.add(admin(plan));
    return new AccessModel(plan.pipeline(), List.copyOf(principals));
  }

  public String pipeline() {
    return pipeline;
  }

  /** Stages in plan order, then replay, then admin. */
  public List<Access> principals() {
    return principals;
  }

  /** The stages' principals, in plan order. */
  public List<Access> stages() {
    return principals.stream().filter(a -> a.role() == Access.Role.STAGE).toList();
  }

  public Access stage(String name) {
    return stages().stream().filter(a -> a.stage().orElseThrow().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("pipeline '" + pipeline + "' has no stage '" + name + "'"));
  }

  public Access replay() {
    return only(Access.Role.REPLAY);
  }

  public Access admin() {
    return only(Access.Role.ADMIN);
  }

  /** Every ACL of every principal. */
  public List<Acl> acls() {
    return principals.stream().flatMap(a -> a.acls().stream()).toList();
  }

  /** {@link #acls()} in Kafka's form, for {@code Admin.createAcls}. */
  public List<AclBinding> bindings() {
    return acls().stream().map(Acl::toBinding).toList();
  }

  @Override
  public String toString() {
    return "AccessModel.of(plan of " + pipeline + "): " + principals;
  }

  private Access only(Access.Role role) {
    return principals.stream().filter(a -> a.role() == role).findFirst().orElseThrow();
  }

  private static Access stage(String pipeline, PlannedStage s) {
    Grants g = new Grants(ResourceNames.stagePrincipal(pipeline, s.name()));
    s.inputTopics().forEach(t -> g.topic(t, AclOperation.READ, AclOperation.DESCRIBE));
    g.literal(ResourceType.GROUP, ResourceNames.consumerGroup(pipeline, s.name()), AclOperation.READ);
    Stream.of(s.outputTopic(), s.deadLetterTopic()).forEach(t -> g.topic(t, AclOperation.WRITE, AclOperation.DESCRIBE));
    if (s.lineage()) {
      g.topic(ResourceNames.lineageTopic(pipeline), AclOperation.WRITE, AclOperation.DESCRIBE);
    }
    if (s.delivery().equals("exactly-once")) {
      for (String prefix : List.of(ResourceNames.transactionalIdPrefix(pipeline, s.name()),
          ResourceNames.deadLetterTransactionalIdPrefix(pipeline, s.name()))) {
        g.prefixed(ResourceType.TRANSACTIONAL_ID, prefix, AclOperation.WRITE, AclOperation.DESCRIBE);
      }
    }
    return Access.of(Access.Role.STAGE, g.user, s.name(), g.acls);
  }

  private static Access replay(Plan plan) {
    Grants g = new Grants(ResourceNames.replayPrincipal(plan.pipeline()));
    plan.stages().forEach(s -> g.topic(s.deadLetterTopic(), AclOperation.READ, AclOperation.DESCRIBE));
    plan.stages().stream().flatMap(s -> s.inputTopics().stream())
        .forEach(t -> g.topic(t, AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE));
    return Access.of(Access.Role.REPLAY, g.user, null, g.acls);
  }

  private static Access admin(Plan plan) {
    Grants g = new Grants(ResourceNames.adminPrincipal(plan.pipeline()));
    for (PlannedTopic t : plan.topics()) {
      if (t.created()) {
        g.topic(t.name(), AclOperation.CREATE, AclOperation.DELETE, AclOperation.DESCRIBE, AclOperation.READ);
      } else {
        g.topic(t.name(), AclOperation.DESCRIBE);
      }
    }
    plan.stages().forEach(s -> g.literal(ResourceType.GROUP, ResourceNames.consumerGroup(plan.pipeline(), s.name()),
        AclOperation.DESCRIBE, AclOperation.DELETE));
    return Access.of(Access.Role.ADMIN, g.user, null, g.acls);
  }

  /** Collects one principal's ACLs. */
  private static final class Grants {
    final String user;
    final List<Acl> acls = new ArrayList<>();

    Grants(String user) {
      this.user = user;
    }

    void topic(String name, AclOperation... operations) {
      literal(ResourceType.TOPIC, name, operations);
    }

    void literal(ResourceType type, String name, AclOperation... operations) {
      add(type, name, PatternType.LITERAL, operations);
    }

    void prefixed(ResourceType type, String name, AclOperation... operations) {
      add(type, name, PatternType.PREFIXED, operations);
    }

    private void add(ResourceType type, String name, PatternType pattern, AclOperation... operations) {
      Set<AclOperation> ops = new LinkedHashSet<>(List.of(operations));
      ops.forEach(op -> acls.add(Acl.allow("User:" + user, type, name, pattern, op)));
    }
  }
}
