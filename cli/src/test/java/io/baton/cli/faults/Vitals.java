package io.baton.cli.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.flink.deploy.FlinkRest;
import io.baton.flink.status.ConsumerLag;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sample of what a soak watches, read from outside the processes: heap used and metaspace used of the JobManager and
 * the TaskManager (Flink REST metrics {@code Status.JVM.Memory.Heap.Used} and {@code .Metaspace.Used}), each job's last
 * completed checkpoint size ({@code /jobs/<id>/checkpoints}), and each stage's consumer lag ({@link ConsumerLag}, as
 * {@code baton status} computes it).
 *
 * <pre>{@code
 * Vitals v = Vitals.sample(rest, lag, Map.of("first", jobId), Map.of("first", new Vitals.Group("baton.p.first", List.of("in"))));
 * v.row(1);   // "  1  jm heap 61 MB ..."
 * }</pre>
 */
record Vitals(long jmHeap, long jmMetaspace, long tmHeap, long tmMetaspace, Map<String, Long> checkpointBytes,
    Map<String, Long> lag) {
  static final String HEAP = "Status.JVM.Memory.Heap.Used";
  static final String METASPACE = "Status.JVM.Memory.Metaspace.Used";
  static final String HEAP_MAX = "Status.JVM.Memory.Heap.Max";

  /** A stage's consumer group and the topics it reads. */
  record Group(String id, List<String> topics) {}

  static Vitals sample(FlinkRest rest, ConsumerLag lag, Map<String, String> jobIds, Map<String, Group> groups)
      throws Exception {
    Map<String, Long> jm = metrics(rest, "jobmanager/metrics");
    Map<String, Long> tm = metrics(rest, taskManager(rest));
    Map<String, Long> checkpoints = new LinkedHashMap<>();
    for (Map.Entry<String, String> job : jobIds.entrySet()) {
      JsonNode completed = rest.get("jobs/" + job.getValue() + "/checkpoints").path("latest").path("completed");
      checkpoints.put(job.getKey(), completed.isMissingNode() || completed.isNull() ? -1 : completed.path("state_size").asLong());
    }
    Map<String, Long> lags = new LinkedHashMap<>();
    for (Map.Entry<String, Group> g : groups.entrySet()) {
      lags.put(g.getKey(), lag.of(g.getValue().id(), g.getValue().topics()).values().stream().mapToLong(Long::longValue).sum());
    }
    return new Vitals(jm.get(HEAP), jm.get(METASPACE), tm.get(HEAP), tm.get(METASPACE), checkpoints, lags);
  }

  /** Heap used of the JobManager and the TaskManager, in bytes: a cheap sample between two full ones. */
  static long[] heaps(FlinkRest rest) throws IOException {
    return new long[] {metrics(rest, "jobmanager/metrics").get(HEAP), metrics(rest, taskManager(rest)).get(HEAP)};
  }

  /** Maximum heap of the JobManager and the TaskManager, in bytes. */
  static long[] heapMax(FlinkRest rest) throws IOException {
    return new long[] {metrics(rest, "jobmanager/metrics").get(HEAP_MAX), metrics(rest, taskManager(rest)).get(HEAP_MAX)};
  }

  private static String taskManager(FlinkRest rest) throws IOException {
    JsonNode tms = rest.get("taskmanagers").path("taskmanagers");
    if (tms.size() != 1) {
      throw new IllegalStateException("expected one TaskManager, got " + tms);
    }
    return "taskmanagers/" + tms.get(0).path("id").asText() + "/metrics";
  }

  /**
   * The JVM metrics at {@code path}. Flink's REST API serves metrics its fetcher collected (every 10 s by default), so
   * the first ask may find none yet: ask again until they are there.
   */
  private static Map<String, Long> metrics(FlinkRest rest, String path) throws IOException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (true) {
      Map<String, Long> values = new LinkedHashMap<>();
      for (JsonNode m : rest.get(path + "?get=" + HEAP + "," + METASPACE + "," + HEAP_MAX)) {
        values.put(m.path("id").asText(), Math.round(Double.parseDouble(m.path("value").asText())));
      }
      if (values.containsKey(HEAP) && values.containsKey(METASPACE) && values.containsKey(HEAP_MAX)) {
        return values;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(path + " has no " + HEAP + " / " + METASPACE + " / " + HEAP_MAX + ": " + values);
      }
      try {
        Thread.sleep(Waits.POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for " + path, e);
      }
    }
  }

  /** The header of {@link #row}'s table. */
  static String header(List<String> jobs, List<String> stages) {
    StringBuilder sb = new StringBuilder(String.format("%6s %9s %9s %9s %9s", "minute", "jm heap", "jm meta", "tm heap", "tm meta"));
    jobs.forEach(j -> sb.append(String.format(" %14s", "ckpt " + j)));
    stages.forEach(s -> sb.append(String.format(" %12s", "lag " + s)));
    return sb.toString();
  }

  /** One line: memory in MB, checkpoint sizes in KB, lag in records. */
  String row(int minute) {
    StringBuilder sb = new StringBuilder(String.format("%6d %6d MB %6d MB %6d MB %6d MB", minute, mb(jmHeap), mb(jmMetaspace),
        mb(tmHeap), mb(tmMetaspace)));
    checkpointBytes.values().forEach(b -> sb.append(String.format(" %11d KB", b < 0 ? -1 : b / 1024)));
    lag.values().forEach(l -> sb.append(String.format(" %12d", l)));
    return sb.toString();
  }

  private static long mb(long bytes) {
    return bytes / (1024 * 1024);
  }
}
