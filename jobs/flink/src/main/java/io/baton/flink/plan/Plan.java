package io.baton.flink.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * A compiled pipeline: stages in dependency order with the groups that can run together, the
 * topics and subjects to create, and one Flink job per stage. Built by {@link Planner}.
 *
 * <pre>{@code
 * Plan plan = Planner.plan(new SensorStory());
 * System.out.println(PlanText.render(plan));
 * }</pre>
 *
 * @param pipeline the pipeline's name
 * @param definitionClass the {@code PipelineDefinition} class the jobs load
 * @param stages in dependency order
 * @param levels stage names grouped by depth; a group's stages run at the same time
 * @param topics every topic read or written
 * @param subjects every subject written
 * @param schemas the Avro schema (JSON) of every record class read or written, by class name
 */
public record Plan(
    String pipeline,
    String definitionClass,
    List<PlannedStage> stages,
    List<List<String>> levels,
    List<PlannedTopic> topics,
    List<PlannedSubject> subjects,
    Map<String, String> schemas) {

  /** The schema of a record class the plan reads or writes. */
  public Schema schema(String recordClass) {
    String json = schemas.get(recordClass);
    if (json == null) {
      throw new IllegalArgumentException("plan of " + pipeline + " has no schema for " + recordClass);
    }
    return new Schema.Parser().parse(json);
  }

  /**
   * The stage that writes {@code topic} (each topic has one writer), for reading a record's lineage with
   * {@code Provenance.fromHeaders(record.headers(), plan.writerOf(record.topic()).orElseThrow().inputTopics())}.
   */
  public Optional<PlannedStage> writerOf(String topic) {
    return stages.stream().filter(s -> s.outputTopic().equals(topic)).findFirst();
  }

  public PlannedStage stage(String name) {
    return stages.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("pipeline '" + pipeline + "' has no stage '" + name
            + "'; it has " + stages.stream().map(PlannedStage::name).toList()));
  }
}
