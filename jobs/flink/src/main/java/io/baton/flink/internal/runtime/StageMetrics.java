package io.baton.flink.internal.runtime;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * A stage's counters, in the operator's metric group {@code baton}, visible in the web UI and
 * through the REST metrics API:
 * <ul>
 *   <li>{@code accepted}: passed every accept check, rate limit included (on the rate-limit
 *       operator when the stage has one, else on the accept operator);</li>
 *   <li>{@code rejected} and {@code rejected_<reason>} ({@code malformed}, {@code schema},
 *       {@code too_large}, {@code rule}, {@code throttled}): refused by the accept checks;</li>
 *   <li>{@code late}: accepted, then past its window's grace (a dead letter too);</li>
 *   <li>{@code partlyLate}, {@code partlyLateWindows}: event-time sliding windows only: records past
 *       the grace of some of their windows but not all (kept in the open ones, no dead letter), and
 *       how many windows they missed;</li>
 *   <li>{@code delayed}: held back by a back-pressure rate limit;</li>
 *   <li>{@code emitted}, {@code batches}, {@code lastBatchSize}: what the stage function handed on.</li>
 * </ul>
 * So records in = accepted + rejected, and dead letters = rejected + late.
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
