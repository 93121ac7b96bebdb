package io.baton.bench.harness;

import io.baton.schemas.registry.SchemaRegistry;
import io.baton.testing.PipelineTestDriver;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The harness's command line: starts a Kafka broker and a registry (their own JVMs on free loopback ports) and a
 * Flink MiniCluster, then runs {@link SideBySide} and prints the figures. Run by {@code bench/side-by-side}.
 *
 * <pre>{@code
 * bench/side-by-side --records 1000000 --rounds 3
 * bench/side-by-side --records 20000 --rounds 1 --sides AB
 * }</pre>
 */
@Command(name = "side-by-side", mixinStandardHelpOptions = true,
    description = "Side by side on the same bids: Baton, hand-written Flink, Kafka Streams, a plain copy loop;"
        + " a pass-through, a keyed count-or-time aggregation, and Nexmark Q7 and Q5 against Flink SQL.")
public final class SideBySideCommand implements Callable<Integer> {

  @Option(names = {"-n", "--records"}, description = "bids written once and copied by every run (default ${DEFAULT-VALUE})")
  long records = 1_000_000;

  @Option(names = {"-r", "--rounds"}, description = "rounds of A B C D (default ${DEFAULT-VALUE})")
  int rounds = 3;

  @Option(names = "--warmup-rounds", description = "unrecorded rounds first (default ${DEFAULT-VALUE})")
  int warmupRounds = 1;

  @Option(names = "--sides", description = "which sides, in order, of A (Baton), B (Flink), C (Kafka Streams), D (copy loop),"
      + " N (Baton with record lineage off, pass-through only) (default ${DEFAULT-VALUE})")
  String sides = SideBySide.ALL_SIDES;

  @Option(names = "--workloads", split = ",", description = "any of pass-through, keyed-count, nexmark-q7,"
      + " nexmark-q5 (default ${DEFAULT-VALUE})")
  List<String> workloads = List.of(Workload.PASS_THROUGH.label(), Workload.KEYED_COUNT.label(),
      Workload.NEXMARK_Q7.label(), Workload.NEXMARK_Q5.label());

  @Option(names = "--latency-rate", description = "bids per second for the latency probe of a streaming Batch.each stage;"
      + " 0 skips it (default ${DEFAULT-VALUE})")
  int latencyRate = 10_000;

  @Option(names = "--latency-seconds", description = "how long the latency probe feeds (default ${DEFAULT-VALUE})")
  int latencySeconds = 20;

  @Option(names = "--timeout", description = "longest one run may take, ISO-8601 (default ${DEFAULT-VALUE})")
  Duration timeout = SideRun.DEFAULT_TIMEOUT;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SideBySideCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (records > 50_000_000 || records < 1) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--records must be 1..50,000,000, got " + records);
    }
    System.out.println(environment("start"));
    Map<Workload, List<RunResult>> results;
    List<LatencyProbe.Latency> latencies = List.of();
    try (PipelineTestDriver driver = PipelineTestDriver.start()) {
      results = new SideBySide(driver, System.out::println)
          .run(workloads.stream().map(Workload::of).toList(), records, warmupRounds, rounds, sides, timeout);
      if (latencyRate > 0) {
        latencies = probeLatency(driver);
      }
    }
    boolean allRight = true;
    for (Map.Entry<Workload, List<RunResult>> e : results.entrySet()) {
      ThroughputReport report = ThroughputReport.of(e.getValue());
      System.out.println();
      System.out.printf(Locale.ROOT, "%s, %,d input records, %d round(s), parallelism 1, one partition:%n",
          e.getKey().label(), records, rounds);
      System.out.println(report.text());
      allRight &= report.allOutputsRight();
    }
    if (!latencies.isEmpty()) {
      System.out.println();
      System.out.println("Latency of a streaming Batch.each pass-through (send to committed-visible):");
      latencies.forEach(l -> System.out.println(l.line()));
    }
    System.out.println(environment("end"));
    return allRight ? 0 : 1;
  }

  private List<LatencyProbe.Latency> probeLatency(PipelineTestDriver driver) throws Exception {
    try (SchemaRegistry registry = SchemaRegistry.connect(driver.registry())) {
      LatencyProbe probe = new LatencyProbe(driver, registry);
      Duration length = Duration.ofSeconds(latencySeconds);
      return List.of(
          probe.measure(false, Duration.ofSeconds(2), latencyRate, length),
          probe.measure(false, Duration.ofMillis(200), latencyRate, length),
          probe.measure(true, Duration.ofSeconds(2), latencyRate, length));
    }
  }

  private static String environment(String when) {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return String.format(Locale.ROOT, "%s %s: load average %.2f, %d cores, Java %s, harness heap max %,d MB",
        when, Instant.now(), os.getSystemLoadAverage(), os.getAvailableProcessors(), System.getProperty("java.version"),
        HeapPeak.max() >> 20);
  }
}
