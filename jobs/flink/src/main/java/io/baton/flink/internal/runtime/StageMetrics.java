package io.baton.flink.internal.runtime;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * A stage's counters, in the operator's metric group {@code baton}, visible in the web UI, through the REST metrics
 * API and in metric reporters (Prometheus):
 * <ul>
 *   <li>{@code accepted}: passed every accept check, rate limit included (on the rate-limit
 *       operator when the stage has one, else on the accept operator);</li>
 *   <li>{@code rejected}: refused by the accept checks, all reasons together;</li>
 *   <li>{@code deadLettered} in the key/value group {@code reason}: dead letters by their reason code
 *       ({@code malformed}, {@code schema}, {@code too-large}, {@code throttled}, {@code rule:<name>}, {@code late}),
 *       which reporters show as a label, e.g. Prometheus
 *       {@code flink_taskmanager_job_task_operator_baton_reason_deadLettered{reason="schema",...}};</li>
 *   <li>{@code late}: accepted, then past its window's grace (a dead letter too);</li>
 *   <li>{@code partlyLate}, {@code partlyLateWindows}: event-time sliding windows only: records past
 *       the grace of some of their windows but not all (kept in the open ones, no dead letter), and
 *       how many windows they missed;</li>
 *   <li>{@code delayed}: held back by a back-pressure rate limit; {@code buffered} (a gauge): held back now, in
 *       that subtask's state, waiting for their key's next interval;</li>
 *   <li>{@code emitted}, {@code batches}, {@code lastBatchSize}: what the stage function handed on.</li>
 * </ul>
 * So records in = accepted + rejected, and dead letters = rejected + late = the sum of {@code deadLettered} over reasons.
 */
public final class StageMetrics {
  /** The key of the dead-letter reason's metric group: its value becomes the reporters' label. */
  public static final String REASON = "reason";
  public static final String DEAD_LETTERED = "deadLettered";

  private final MetricGroup group;
  private final Map<String, Counter> deadLettered = new HashMap<>();
  private Counter rejectedAll;
  private Counter late;

  public StageMetrics(MetricGroup operatorGroup) {
    this.group = operatorGroup.addGroup("baton");
  }

  public Counter counter(String name) {
    return group.counter(name);
  }

  public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
    return group.gauge(name, gauge);
  }

  /** Counts one rejection by the accept checks under its reason code ({@code rule:<name>} keeps the rule's name). */
  public void rejected(String reason) {
    if (rejectedAll == null) {
      rejectedAll = group.counter("rejected");
    }
    rejectedAll.inc();
    deadLettered(reason);
  }

  /** Counts one record past its window's grace: {@code late}, and a dead letter with reason {@code late}. */
  public void late() {
    if (late == null) {
      late = group.counter("late");
    }
    late.inc();
    deadLettered("late");
  }

  private void deadLettered(String reason) {
    deadLettered.computeIfAbsent(reason, r -> group.addGroup(REASON, r).counter(DEAD_LETTERED)).inc();
  }
}
