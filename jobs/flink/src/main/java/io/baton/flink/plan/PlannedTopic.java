package io.baton.flink.plan;

import java.util.Map;
import java.util.TreeMap;

/**
 * A topic the pipeline touches.
 *
 * @param name topic name
 * @param role {@code input} (outside, read by a source), {@code handoff}, {@code output}, {@code dead-letter} or
 *     {@code lineage} (the pipeline's exact input sets too large for a header, written by every stage with lineage on)
 * @param partitions partitions to create it with, 0 for the broker's default
 * @param writer the stage that writes it, empty for an input or the lineage topic
 * @param configs topic configs it needs whatever the defaults (the lineage topic: {@code cleanup.policy=compact})
 */
public record PlannedTopic(String name, String role, int partitions, String writer, Map<String, String> configs) {

  public PlannedTopic {
    configs = java.util.Collections.unmodifiableMap(new TreeMap<>(configs));
  }

  /** A topic with no configs of its own. */
  public PlannedTopic(String name, String role, int partitions, String writer) {
    this(name, role, partitions, writer, Map.of());
  }

  /** True when the deploy step creates it (everything but outside inputs). */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean created() {
    return !role.equals("input");
  }
}
