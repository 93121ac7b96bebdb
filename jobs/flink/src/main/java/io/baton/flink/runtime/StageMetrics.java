package io.baton.flink.runtime;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * A stage's counters, in the operator's metric group {@code baton}: {@code accepted},
 * {@code rejected}, {@code rejected_<reason>} (rules: {@code rejected_rule}), {@code late},
 * {@code emitted}. Visible in the web UI and through the REST metrics API.
 */
public final class StageMetrics {
  private final MetricGroup group;
  private final Map<String, Counter> rejected = new HashMap<>();
  private Counter rejectedAll;

  public StageMetrics(MetricGroup operatorGroup) {
    this.group = operatorGroup.addGroup("baton");
  }

  public Counter counter(String name) {
    return group.counter(name);
  }

  /** Counts one rejection under its reason ({@code rule:<name>} counts as {@code rule}). */
  public void rejected(String reason) {
    String kind = reason.startsWith("rule:") ? "rule" : reason;
    rejected.computeIfAbsent(kind, k -> group.counter("rejected_" + k.replace('-', '_'))).inc();
    if (rejectedAll == null) {
      rejectedAll = group.counter("rejected");
    }
    rejectedAll.inc();
  }
}
