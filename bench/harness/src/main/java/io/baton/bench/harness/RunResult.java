package io.baton.bench.harness;

import java.time.Duration;

/**
 * One side's run in one round: how long it took, the heap peak meanwhile, and the check of its output.
 *
 * <pre>{@code
 * RunResult r = new RunResult("B flink", 1, "bench.out.b1", Duration.ofSeconds(3), 400L << 20, 1_000_000, verdict);
 * r.recordsPerSecond();   // 333,333: input records over the time taken
 * }</pre>
 *
 * @param side the side's label
 * @param round from 1
 * @param output the topic it wrote
 * @param took from its start until all its output was committed
 * @param heapPeakBytes the harness JVM's heap peak during the run
 * @param inputRecords the records it read
 * @param verdict the check of what the output holds for a {@code read_committed} reader
 * @param flinkMemory the Flink TaskManager's managed and network memory peaks during the run
 */
public record RunResult(String side, int round, String output, Duration took, long heapPeakBytes, long inputRecords,
    OutputCheck.Verdict verdict, FlinkMemory.Peak flinkMemory) {

  /** A result without Flink's memory figures. */
  public RunResult(String side, int round, String output, Duration took, long heapPeakBytes, long inputRecords,
      OutputCheck.Verdict verdict) {
    this(side, round, output, took, heapPeakBytes, inputRecords, verdict, new FlinkMemory.Peak(-1, -1));
  }

  public boolean outputOk() {
    return verdict.ok();
  }

  /** Input records per second. */
  public double recordsPerSecond() {
    return inputRecords / (took.toNanos() / 1e9);
  }
}
