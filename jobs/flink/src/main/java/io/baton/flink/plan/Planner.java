package io.baton.flink.plan;

import io.baton.api.internal.ResourceNames;

import io.baton.api.PipelineDefinition;
import io.baton.api.PipelineDefinitions;
import io.baton.api.internal.PipelineGraph;
import io.baton.api.internal.StageSpec;
import io.baton.api.overrides.AppliedOverrides;
import io.baton.api.overrides.PolicyOverrides;
import io.baton.api.overrides.StageOverrides;
import io.baton.connectors.LineagePointer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificData;

/**
 * Compiles a pipeline definition into a {@link Plan}. The definition is built (and so validated)
 * here: an invalid one throws {@code PipelineDefinitionException} before anything is planned.
 * Policy overrides are applied to the graph before planning, so the plan is what will run; an overridden stage's
 * job gets its overrides as {@code --overrides <canonical form>} and applies them when it defines the stage.
 *
 * <pre>{@code
 * Plan plan = Planner.plan(new SensorStory(), PolicyOverrides.fromTree("prod.yaml", tree));
 * }</pre>
 */
public final class Planner {
  /** The job jar class that runs one stage (named, not referenced: planning needs no Flink classes). */
  public static final String STAGE_JOB_CLASS = "io.baton.flink.job.StageJob";

  private Planner() {}

  public static Plan plan(PipelineDefinition definition) {
    return plan(definition, PolicyOverrides.none());
  }

  /** The plan of {@code definition} with {@code overrides} applied; an {@code OverridesException} lists every problem. */
  public static Plan plan(PipelineDefinition definition, PolicyOverrides overrides) {
    return plan(PipelineDefinitions.define(definition).build(), definition.getClass().getName(), overrides);
  }

  public static Plan plan(PipelineGraph graph, String definitionClass) {
    return plan(graph, definitionClass, PolicyOverrides.none());
  }

  /** The plan of {@code graph} with {@code overrides} applied. */
  public static Plan plan(PipelineGraph declared, String definitionClass, PolicyOverrides overrides) {
    AppliedOverrides applied = overrides.applyTo(declared);
    PipelineGraph graph = applied.graph();
    List<PlannedStage> stages = graph.stages().stream()
        .map(s -> stage(graph, s, definitionClass, applied.of(s.name()))).toList();
    return new Plan(graph.name(), definitionClass, stages, graph.levels(), topics(graph), subjects(graph),
        schemas(graph));
  }

  private static PlannedStage stage(PipelineGraph graph, StageSpec s, String definitionClass,
      StageOverrides overrides) {
    String kind = s.source() ? "source" : s.coGroup() ? "co-group" : "stage";
    String eventTime = s.eventTime()
        .map(t -> (t.timestamp().isPresent() ? "record field" : "kafka timestamp") + ", out of order up to "
            + t.outOfOrderness() + t.idleClose().map(d -> ", windows close after " + d + " quiet").orElse(""))
        .orElse("none");
    return new PlannedStage(s.name(), kind, s.inputs(), s.inputTopics(),
        s.inputClasses().stream().map(Class::getName).toList(), s.outputTopic(), s.deadLetterTopic(),
        s.outputClass().getName(), s.batch().toString(), s.function().map(f -> f.label()).orElse("accept"),
        s.accept().toString(), eventTime, s.parallelism(), s.delivery().name().toLowerCase().replace('_', '-'),
        s.version(), s.lineage(), ResourceNames.jobName(graph.name(), s.name()), STAGE_JOB_CLASS,
        programArgs(definitionClass, s.name(), overrides), StageVersion.of(s), StateShape.of(s));
  }

  /** What the stage job needs to define its stage: the definition, the stage, and its overrides if it has any. */
  private static List<String> programArgs(String definitionClass, String stage, StageOverrides overrides) {
    List<String> args = new ArrayList<>(List.of("--definition", definitionClass, "--stage", stage));
    if (!overrides.isEmpty()) {
      args.addAll(List.of("--overrides", overrides.argument()));
    }
    return List.copyOf(args);
  }

  private static List<PlannedTopic> topics(PipelineGraph graph) {
    Map<String, PlannedTopic> topics = new LinkedHashMap<>();
    for (StageSpec s : graph.stages()) {
      if (s.source()) {
        s.inputTopics().forEach(t -> topics.putIfAbsent(t, new PlannedTopic(t, "input", 0, "")));
      }
      String role = graph.consumersOf(s.name()).isEmpty() ? "output" : "handoff";
      topics.put(s.outputTopic(), new PlannedTopic(s.outputTopic(), role, s.outputPartitions(), s.name()));
      topics.put(s.deadLetterTopic(), new PlannedTopic(s.deadLetterTopic(), "dead-letter", 0, s.name()));
    }
    // Where batches too large for a lineage header keep their exact inputs; content-addressed keys, so compacted.
    if (graph.stages().stream().anyMatch(StageSpec::lineage)) {
      String lineage = ResourceNames.lineageTopic(graph.name());
      topics.put(lineage, new PlannedTopic(lineage, "lineage", LineagePointer.PARTITIONS, "",
          Map.of("cleanup.policy", "compact")));
    }
    return new ArrayList<>(topics.values());
  }

  private static List<PlannedSubject> subjects(PipelineGraph graph) {
    return graph.stages().stream()
        .map(s -> new PlannedSubject(ResourceNames.subject(s.outputTopic()), s.outputTopic(), s.outputClass().getName()))
        .toList();
  }

  private static Map<String, String> schemas(PipelineGraph graph) {
    Map<String, String> schemas = new java.util.TreeMap<>();
    for (StageSpec s : graph.stages()) {
      s.inputClasses().forEach(c -> schemas.put(c.getName(), SpecificData.get().getSchema(c).toString()));
      schemas.put(s.outputClass().getName(), SpecificData.get().getSchema(s.outputClass()).toString());
    }
    return schemas;
  }
}
