package io.baton.api;

import java.util.List;

/**
 * A pipeline definition that cannot run, with every problem found, not just the first.
 *
 * <pre>
 * Pipeline 'sensor-story' has 2 problems:
 *   - stage 'alerts': reads unknown stage 'per-minut'. Fix: ...
 *   - stage 'Per Minute': name must match [a-z][a-z0-9-]*. Fix: ...
 * </pre>
 */
public final class PipelineDefinitionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String pipeline;
  private final transient List<Problem> problems;

  public PipelineDefinitionException(String pipeline, List<Problem> problems) {
    super(render(pipeline, problems));
    this.pipeline = pipeline;
    this.problems = List.copyOf(problems);
  }

  public String pipeline() {
    return pipeline;
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String render(String pipeline, List<Problem> problems) {
    StringBuilder s = new StringBuilder("Pipeline '").append(pipeline).append("' has ")
        .append(problems.size()).append(problems.size() == 1 ? " problem:" : " problems:");
    problems.forEach(p -> s.append("\n  - ").append(p));
    return s.toString();
  }
}
