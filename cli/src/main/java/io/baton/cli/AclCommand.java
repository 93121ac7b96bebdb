package io.baton.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.baton.connectors.KafkaClientConfig;
import io.baton.flink.access.Access;
import io.baton.flink.access.AccessModel;
import io.baton.flink.access.Acl;
import io.baton.flink.access.AclDiff;
import io.baton.stack.Component;
import io.baton.stack.LocalStack;
import io.baton.stack.Ports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.SecurityDisabledException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code baton acl <pipeline>}: the Kafka ACLs of the pipeline's access model (a principal per stage with exactly its
 * access, plus replay's and admin's), as a table or JSON; with {@code --apply}, made so on the context's Kafka through
 * the Admin API: missing ACLs created, this pipeline's principals' ACLs the model lacks removed, and on a SCRAM
 * cluster each principal's login made ({@link PrincipalLogins}). A second apply changes nothing.
 *
 * <pre>{@code
 * baton acl sensor-story
 * baton acl sensor-story --json
 * baton acl sensor-story --apply                  # on the local stack (./baton up --secure)
 * baton acl sensor-story --apply --context shared
 * }</pre>
 */
@Command(name = "acl", mixinStandardHelpOptions = true,
    description = "Show a pipeline's Kafka ACLs (a principal per stage, replay, admin); --apply makes them so on Kafka.")
final class AclCommand implements Callable<Integer> {
  private static final long TIMEOUT_SECONDS = 60;

  @Spec
  CommandSpec spec;

  @Mixin
  StackOptions stack;

  @Mixin
  ContextOptions context;

  @Mixin
  OverridesOptions overrides;

  @Parameters(paramLabel = "<pipeline>", description = "Pipeline name, e.g. sensor-story.")
  String pipeline;

  @Option(names = "--jar", paramLabel = "<file>", description = "Job jar holding the pipeline (default: the examples).")
  Path jar;

  @Option(names = "--json", description = "Print JSON (the ACLs, or with --apply what changed).")
  boolean json;

  @Option(names = "--apply", description = "Create the missing ACLs on the context's Kafka, remove those of this"
      + " pipeline's principals that the model no longer has, and on a SCRAM cluster make each principal's login.")
  boolean apply;

  @Override
  public Integer call() throws Exception {
    AccessModel model;
    try (JobJar jobJar = JobJar.open(jar)) {
      model = AccessModel.of(overrides.plan(jobJar.definition(pipeline)));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (!apply) {
      out.print(json ? json(listing(model)) : AclText.table(model.acls()));
      if (!json) {
        out.println(model.acls().size() + " ACLs for " + model.principals().size() + " principals; make them so with: "
            + "./baton acl " + model.pipeline() + " --apply");
      }
      out.flush();
      return ExitCodes.OK;
    }
    Servers servers = servers(context.select());
    try (Admin admin = Admin.create(servers.kafka().asProperties())) {
      AclDiff diff = AclDiff.between(model, existingAcls(admin, servers.kafka()));
      if (!diff.toCreate().isEmpty()) {
        admin.createAcls(diff.toCreate().stream().map(Acl::toBinding).toList()).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
      if (!diff.toRemove().isEmpty()) {
        admin.deleteAcls(diff.toRemove().stream().map(AclBinding::toFilter).toList()).all()
            .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
      Optional<PrincipalLogins> logins = PrincipalLogins.of(admin, servers.kafka(), servers.jobFiles());
      Optional<PrincipalLogins.Outcome> made = logins.isPresent() ? Optional.of(logins.get().apply(model)) : Optional.empty();
      out.print(json ? json(applied(model, diff, made, logins)) : AclText.applied(model, servers.kafka(), diff, made, logins));
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** Kafka's servers and client settings, and where the jobs' files are, of the selected context. */
  record Servers(KafkaClientConfig kafka, Path jobFiles) {}

  private Servers servers(Context where) throws Exception {
    if (where.isLocal()) {
      LocalStack local = new LocalStack(stack.config(Ports.defaults()));
      if (local.status().stream().anyMatch(s -> s.component() == Component.KAFKA && !s.isUp())) {
        throw new CliException("kafka is not running; start the local stack with: ./baton up --secure");
      }
      return new Servers(Cluster.localKafka(local.endpoints()), local.config().layout().jobFiles());
    }
    Cluster cluster = Cluster.of(where, stack, null);
    return new Servers(cluster.kafka(), cluster.target().jobFiles());
  }

  /** Every ACL the cluster holds; a cluster without an authorizer is told how to get one. */
  private static Collection<AclBinding> existingAcls(Admin admin, KafkaClientConfig kafka) throws Exception {
    try {
      return admin.describeAcls(AclBindingFilter.ANY).values().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SecurityDisabledException) {
        throw new CliException("Kafka at " + kafka.bootstrapServers() + " has no authorizer, so it keeps no ACLs; the"
            + " local stack has one when started secure (./baton up --secure on a fresh --home), a cluster when its"
            + " brokers set authorizer.class.name", e);
      }
      throw e;
    }
  }

  private static Map<String, Object> listing(AccessModel model) {
    List<Object> principals = new ArrayList<>();
    for (Access a : model.principals()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("user", a.user());
      p.put("role", a.role().name().toLowerCase(java.util.Locale.ROOT));
      a.stage().ifPresent(s -> p.put("stage", s));
      p.put("acls", a.acls().stream().map(AclCommand::aclJson).toList());
      principals.add(p);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("pipeline", model.pipeline());
    root.put("principals", principals);
    return root;
  }

  private static Map<String, Object> applied(AccessModel model, AclDiff diff, Optional<PrincipalLogins.Outcome> made,
      Optional<PrincipalLogins> logins) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("pipeline", model.pipeline());
    root.put("created", diff.toCreate().stream().map(AclCommand::aclJson).toList());
    root.put("removed", diff.toRemove().stream().map(AclDiff::describe).toList());
    root.put("inPlace", diff.inPlace());
    made.ifPresent(o -> {
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("mechanism", o.mechanism().mechanismName());
      l.put("created", o.created());
      l.put("inPlace", o.inPlace());
      l.put("removed", o.removed());
      Map<String, String> files = new LinkedHashMap<>();
      model.principals().forEach(a -> files.put(a.user(), logins.orElseThrow().file(a.user()).toString()));
      l.put("files", files);
      root.put("logins", l);
    });
    return root;
  }

  private static Map<String, Object> aclJson(Acl a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("principal", a.principal());
    m.put("resourceType", a.resourceType().name());
    m.put("name", a.name());
    m.put("patternType", a.patternType().name());
    m.put("operation", a.operation().name());
    m.put("permission", a.permission().name());
    return m;
  }

  private static String json(Object value) throws Exception {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value) + "\n";
  }
}
