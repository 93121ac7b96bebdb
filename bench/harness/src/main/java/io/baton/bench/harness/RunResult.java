package io.baton.bench.harness;

import java.time.Duration;

/**
 * One side's run in one round: how long the copy took, the heap peak meanwhile, and whether the output held exactly
 * the input's values.
 *
 * <pre>{@code
 * RunResult r = new RunResult("B flink", 1, "bench.out.b1", Duration.ofSeconds(3), 400 << 20, copied, input);
 * r.recordsPerSecond();   // copied.count() / 3
 * }</pre>
 *
 * @param side the side's label
 * @param round from 1
 * @param output the topic it wrote
 * @param took from its start until all copies were committed
 * @param heapPeakBytes the harness JVM's heap peak during the run
 * @param copied the digest of what the output holds for a {@code read_committed} reader
 * @param expected the digest of the input
 */
public record RunResult(String side, int round, String output, Duration took, long heapPeakBytes, ValueDigest copied,
    ValueDigest expected) {

  /** The output holds every input value exactly once, and nothing else. */
  public boolean outputEqualsInput() {
    return copied.equals(expected);
  }

  public double recordsPerSecond() {
    return expected.count() / (took.toNanos() / 1e9);
  }
}
