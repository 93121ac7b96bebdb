package io.baton.flink.plan;

/**
 * A topic the pipeline touches.
 *
 * @param name topic name
 * @param role {@code input} (outside, read by a source), {@code handoff}, {@code output} or {@code dead-letter}
 * @param partitions partitions to create it with, 0 for the broker's default
 * @param writer the stage that writes it, empty for an input
 */
public record PlannedTopic(String name, String role, int partitions, String writer) {

  /** True when the deploy step creates it (everything but outside inputs). */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean created() {
    return !role.equals("input");
  }
}
