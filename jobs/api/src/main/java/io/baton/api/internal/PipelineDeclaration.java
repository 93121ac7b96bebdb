package io.baton.api.internal;

import io.baton.api.Topic;
import java.util.List;

/**
 * A pipeline as written: its name, its stage declarations in declaration order, and the topics
 * {@code p.output(..)} named. {@link PipelineCompiler} turns it into a {@link PipelineGraph}.
 *
 * <pre>{@code
 * PipelineGraph graph = PipelineCompiler.compile(new PipelineDeclaration(p, "sensor-story", stages, outputs));
 * }</pre>
 *
 * @param owner the pipeline object, the identity its stage handles carry
 * @param name the pipeline's name as given
 * @param stages every declaration, in declaration order
 * @param outputs every {@code p.output(stage, topic)}, in call order
 */
public record PipelineDeclaration(Object owner, String name, List<StageDeclaration> stages, List<Output> outputs) {

  public PipelineDeclaration {
    stages = List.copyOf(stages);
    outputs = List.copyOf(outputs);
  }

  /** One {@code p.output(stage, topic)}. */
  public record Output(StageRef stage, Topic<?> topic) {}
}
