package io.baton.api.overrides;

import java.util.List;

/**
 * Policy overrides that cannot apply, with every problem found, not just the first; each names the file, the
 * stage, and what is valid there.
 *
 * <pre>
 * Policy overrides for pipeline 'sensor-story' have 2 problems:
 *   - prod.yaml: stage 'per-minut' is not in pipeline 'sensor-story'; its stages: readings, per-minute, alerts
 *   - prod.yaml: stage 'alerts': unknown key 'batch.sise'; keys for Batch.each(): parallelism, delivery, limits.maxRecordBytes
 * </pre>
 */
public final class OverridesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  public OverridesException(String pipeline, List<String> problems) {
    super(render(pipeline, problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem in one line. */
  public List<String> problems() {
    return problems;
  }

  private static String render(String pipeline, List<String> problems) {
    StringBuilder s = new StringBuilder("Policy overrides for pipeline '").append(pipeline).append("' have ")
        .append(problems.size()).append(problems.size() == 1 ? " problem:" : " problems:");
    problems.forEach(p -> s.append("\n  - ").append(p));
    return s.toString();
  }
}
