package io.baton.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.flink.deploy.FlinkRest;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Flink's own memory figures for the MiniCluster's one TaskManager, from its REST API while a side runs: the peak of
 * managed memory in use (BATCH mode sorts and hash tables live there) and of network buffer memory in use, sampled
 * every {@link #EVERY_MILLIS} ms. The test kit's MiniCluster refreshes REST metrics every 500 ms, so a peak shorter
 * than that can be missed, and for {@link #LAG_MILLIS} ms the REST API may still show what came before: samples in the
 * first {@code LAG_MILLIS} of a run are not counted, and one more is taken {@code LAG_MILLIS} after it ended (outside
 * the run's clock). The JobManager's and TaskManager's JVM figures are not separate here: both run in the
 * harness JVM, whose heap peak {@link HeapPeak} gives.
 *
 * <pre>{@code
 * FlinkMemory memory = FlinkMemory.of(driver.flinkWebUrl());
 * FlinkMemory.Sampling s = memory.sample();
 * side.run(run);
 * FlinkMemory.Peak peak = s.stop();   // peak.managedBytes(), peak.networkBytes()
 * }</pre>
 */
public final class FlinkMemory {
  static final long EVERY_MILLIS = 250;
  static final long LAG_MILLIS = 750;
  private static final String MANAGED = "Status.Flink.Memory.Managed.Used";
  private static final String NETWORK = "Status.Shuffle.Netty.UsedMemory";

  /** Peaks during one run, bytes; -1 where REST did not give the metric. */
  public record Peak(long managedBytes, long networkBytes) {
    public String text() {
      return "TM managed peak " + mb(managedBytes) + ", network peak " + mb(networkBytes);
    }
  }

  private final FlinkRest rest;
  private final String taskManager;

  private FlinkMemory(FlinkRest rest, String taskManager) {
    this.rest = rest;
    this.taskManager = taskManager;
  }

  /** The figures of the one TaskManager of the cluster whose REST API is at {@code restUrl}. */
  public static FlinkMemory of(String restUrl) throws IOException {
    FlinkRest rest = new FlinkRest(restUrl);
    JsonNode managers = rest.get("taskmanagers").path("taskmanagers");
    if (managers.size() != 1) {
      throw new IllegalStateException("expected one TaskManager at " + restUrl + ", found " + managers.size());
    }
    return new FlinkMemory(rest, managers.get(0).path("id").asText());
  }

  /** The TaskManager's configured memory, one line: heap, managed, network (what its figures are out of). */
  public String configured() throws IOException {
    JsonNode c = rest.get("taskmanagers/" + taskManager).path("memoryConfiguration");
    long taskHeap = c.path("taskHeap").asLong(-1);
    return String.format(Locale.ROOT, "Flink MiniCluster TaskManager (in the harness JVM): task heap %s, managed %s,"
            + " network %s", taskHeap >= 1L << 40 ? "not limited (the harness JVM's heap)" : mb(taskHeap),
        mb(c.path("managedMemory").asLong(-1)), mb(c.path("networkMemory").asLong(-1)));
  }

  /** Starts sampling on a daemon thread until {@link Sampling#stop()}. */
  public Sampling sample() {
    return new Sampling();
  }

  /** One run's sampling. */
  public final class Sampling {
    private final AtomicLong managed = new AtomicLong(-1);
    private final AtomicLong network = new AtomicLong(-1);
    private final Thread thread;
    private final long started = System.nanoTime();
    private volatile boolean running = true;

    private Sampling() {
      thread = new Thread(this::loop, "flink-memory-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    private void loop() {
      while (running) {
        try {
          once();
          Thread.sleep(EVERY_MILLIS);
        } catch (InterruptedException e) {
          return;
        } catch (IOException | RuntimeException e) {
          // The REST API may be busy; the next sample tries again.
        }
      }
    }

    private void once() throws IOException {
      if (System.nanoTime() - started < LAG_MILLIS * 1_000_000) {
        return;
      }
      for (JsonNode m : rest.get("taskmanagers/" + taskManager + "/metrics?get=" + MANAGED + "," + NETWORK)) {
        long value = (long) Double.parseDouble(m.path("value").asText("-1"));
        (MANAGED.equals(m.path("id").asText()) ? managed : network).accumulateAndGet(value, Math::max);
      }
    }

    /** Stops sampling, takes one last sample {@link #LAG_MILLIS} later, and gives the peaks. */
    public Peak stop() throws InterruptedException {
      running = false;
      thread.interrupt();
      thread.join();
      Thread.sleep(LAG_MILLIS);
      try {
        once();
      } catch (IOException | RuntimeException e) {
        // The peaks so far stand.
      }
      return new Peak(managed.get(), network.get());
    }
  }

  static String mb(long bytes) {
    return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,d MB", bytes >> 20);
  }
}
