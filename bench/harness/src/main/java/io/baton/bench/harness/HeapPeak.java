package io.baton.bench.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The highest heap this JVM used since the last {@link #reset()}, summed over its heap pools. Every side runs in the
 * harness JVM (A and B on the Flink MiniCluster, whose JobManager and TaskManager live here too; C and D as clients),
 * so this is the memory a side needed on top of the others' leftovers: indicative, as GC timing moves it.
 *
 * <pre>{@code
 * HeapPeak.reset();
 * side.run(run);
 * long bytes = HeapPeak.bytes();
 * }</pre>
 */
public final class HeapPeak {
  private HeapPeak() {}

  /** Starts a new measurement: a full GC, then every heap pool's peak is set to its current use. */
  public static void reset() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The sum of every heap pool's peak since {@link #reset()}. */
  public static long bytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** The JVM's maximum heap, bytes. */
  public static long max() {
    return Runtime.getRuntime().maxMemory();
  }
}
