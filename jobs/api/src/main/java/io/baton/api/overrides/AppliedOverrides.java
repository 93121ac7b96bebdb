package io.baton.api.overrides;

import io.baton.api.internal.PipelineGraph;
import java.util.Map;

/**
 * A pipeline with its policy overrides applied: the effective graph, and per stage the overrides that made it
 * (in canonical form, what its job gets as {@code --overrides}). Made by {@link PolicyOverrides#applyTo}.
 *
 * <pre>{@code
 * AppliedOverrides applied = overrides.applyTo(graph);
 * applied.graph().stage("per-minute").batch();   // Batch.every(PT2M) keyedBy sensorId withGrace(PT30S)
 * applied.of("per-minute").argument();           // batch.size=PT2M,batch.grace=PT30S
 * }</pre>
 *
 * @param graph the pipeline as it will run
 * @param stages the overrides of each overridden stage
 */
public record AppliedOverrides(PipelineGraph graph, Map<String, StageOverrides> stages) {
  public AppliedOverrides {
    stages = Map.copyOf(stages);
  }

  /** The overrides of {@code stage}; none when it has none. */
  public StageOverrides of(String stage) {
    return stages.getOrDefault(stage, StageOverrides.none());
  }
}
