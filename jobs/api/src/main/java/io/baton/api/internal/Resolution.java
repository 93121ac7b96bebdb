package io.baton.api.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link Resolver} worked out from a {@link PipelineDeclaration}; the rules read it and
 * report problems, the compiler builds the graph from it when there are none.
 *
 * @param pipeline the pipeline as written
 * @param slots the first declaration of each name, by name, in declaration order
 * @param inputs the known inputs of each such declaration, by name
 * @param cyclic names of the stages that read each other in a cycle, in declaration order
 * @param stages every stage off the cycle, in dependency order
 */
public record Resolution(PipelineDeclaration pipeline, Map<String, Integer> slots, Map<String, List<String>> inputs,
    List<String> cyclic, List<ResolvedStage> stages) {

  public String name() {
    return pipeline.name();
  }

  /** The first declaration of each name, in declaration order. */
  public List<StageDeclaration> unique() {
    return slots.values().stream().map(pipeline.stages()::get).toList();
  }

  /** True when {@code ref} names a stage of this pipeline: a handle of its declaration, or a reference by name. */
  public boolean knows(StageRef ref) {
    return ref.pipeline() == pipeline.owner() && slots.containsKey(ref.name())
        && (ref.slot() == StageRef.BY_NAME || Objects.equals(slots.get(ref.name()), ref.slot()));
  }

  /** True when {@code ref} is the handle a declaration of this pipeline returned (not a reference or a projection). */
  public boolean declares(StageRef ref) {
    return knows(ref) && ref.slot() != StageRef.BY_NAME && ref.readAs() == null;
  }
}
