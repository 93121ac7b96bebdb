package io.baton.flink.deploy;

import io.baton.api.internal.ResourceNames;

import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import io.baton.flink.plan.PlannedSubject;
import io.baton.schemas.compat.CompatibilityChecker;
import io.baton.schemas.registry.RegistryVerdict;
import io.baton.schemas.registry.RegisteredSchema;
import io.baton.schemas.registry.SchemaRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * Deploy-time acceptance: before anything is created, each handoff's writer schema must resolve
 * to the schema its reader declares (outside inputs: their latest registered schema), and every
 * output schema must pass its subject's compatibility level. All problems are reported together.
 */
public final class DeployCheck {
  private final SchemaRegistry registry;

  public DeployCheck(SchemaRegistry registry) {
    this.registry = registry;
  }

  /** Every problem found; empty when the plan may run. */
  public List<String> problems(Plan plan) {
    List<String> problems = new ArrayList<>();
    Map<String, PlannedSubject> writtenByPlan = plan.subjects().stream()
        .collect(Collectors.toMap(PlannedSubject::topic, Function.identity()));
    for (PlannedStage stage : plan.stages()) {
      for (int i = 0; i < stage.inputTopics().size(); i++) {
        String topic = stage.inputTopics().get(i);
        Schema reader = plan.schema(stage.inputClasses().get(i));
        Optional<Schema> writer = writtenByPlan.containsKey(topic)
            ? Optional.of(plan.schema(writtenByPlan.get(topic).recordClass()))
            : registry.latest(ResourceNames.subject(topic)).map(RegisteredSchema::schema);
        writer.ifPresent(w -> CompatibilityChecker.check(w, reader).problems().forEach(p ->
            problems.add("handoff " + topic + " → stage '" + stage.name() + "': " + p)));
      }
    }
    for (PlannedSubject subject : plan.subjects()) {
      if (registry.latest(subject.subject()).isPresent()) {
        RegistryVerdict result = registry.testCompatibility(subject.subject(), plan.schema(subject.recordClass()));
        if (!result.compatible()) {
          result.messages().forEach(m -> problems.add("subject " + subject.subject() + " (" + result.level() + "): "
              + m + " — fix: evolve " + subject.recordClass() + " compatibly (new fields need defaults), or write a new topic"));
        }
      }
    }
    return problems;
  }
}
