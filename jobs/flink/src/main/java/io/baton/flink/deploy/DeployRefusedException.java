package io.baton.flink.deploy;

import java.util.List;

/** A plan that must not run, with every problem found; nothing was created or started. */
public final class DeployRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  public DeployRefusedException(String pipeline, List<String> problems) {
    super("Refused to deploy pipeline '" + pipeline + "': " + problems.size()
        + (problems.size() == 1 ? " problem" : " problems") + "\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
