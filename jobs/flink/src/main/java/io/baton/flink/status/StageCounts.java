package io.baton.flink.status;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a stage's job has counted since it started (its {@code baton.*} metrics, summed over operators and subtasks):
 * records in (accepted and rejected), out (handed on by the stage function), dead-lettered by reason (rejections and
 * late records), and late.
 *
 * <pre>{@code
 * StageCounts c = StageCounts.of(372, 364, Map.of("malformed", 3L, "schema", 1L, "late", 4L), 4);
 * c.deadLettered();   // 8
 * }</pre>
 *
 * @param in records read: accepted plus rejected
 * @param out records the stage function handed on
 * @param deadLetteredByReason dead letters per reason label (rejections and late records)
 * @param late records past their window's grace (also counted under reason {@code late})
 */
public record StageCounts(long in, long out, Map<String, Long> deadLetteredByReason, long late) {
  public StageCounts {
    if (in < 0 || out < 0 || late < 0) {
      throw new IllegalArgumentException("counts must not be negative, got in " + in + ", out " + out + ", late " + late);
    }
    deadLetteredByReason = Map.copyOf(new TreeMap<>(deadLetteredByReason));
  }

  public static StageCounts of(long in, long out, Map<String, Long> deadLetteredByReason, long late) {
    return new StageCounts(in, out, deadLetteredByReason, late);
  }

  /** Nothing counted yet (a job that has not started its operators). */
  public static StageCounts none() {
    return new StageCounts(0, 0, Map.of(), 0);
  }

  /** All dead letters, whatever the reason. */
  public long deadLettered() {
    return deadLetteredByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Dead letters per reason, sorted by reason. */
  public TreeMap<String, Long> sortedReasons() {
    return new TreeMap<>(deadLetteredByReason);
  }

  @Override
  public String toString() {
    return "StageCounts.of(" + in + ", " + out + ", " + sortedReasons() + ", " + late + ")";
  }
}
