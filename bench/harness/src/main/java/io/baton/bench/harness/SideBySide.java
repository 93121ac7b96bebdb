package io.baton.bench.harness;

import io.baton.schemas.registry.SchemaRegistry;
import io.baton.testing.PipelineTestDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The side-by-side run: writes N bids once, then, per workload, runs its sides in turn, round after round (A B C D
 * A B C D ...), each reading the same input into a fresh output topic, and checks every output.
 *
 * <pre>{@code
 * try (PipelineTestDriver driver = PipelineTestDriver.start()) {
 *   Map<Workload, List<RunResult>> results = new SideBySide(driver, System.out::println)
 *       .run(List.of(Workload.PASS_THROUGH), 1_000_000, 1, 3, "ABCD", Duration.ofMinutes(10));
 *   System.out.println(ThroughputReport.of(results.get(Workload.PASS_THROUGH)).text());
 * }
 * }</pre>
 */
public final class SideBySide {
  public static final String ALL_SIDES = "ABCDN";
  static final String INPUT_TOPIC = "bench.bids";

  private final PipelineTestDriver driver;
  private final Consumer<String> log;

  public SideBySide(PipelineTestDriver driver, Consumer<String> log) {
    this.driver = driver;
    this.log = log;
  }

  /**
   * Runs {@code warmups} unrecorded rounds, then {@code rounds} recorded ones, of each workload's sides among
   * {@code sides} (letters, e.g. {@code "ABCD"}) over {@code records} bids.
   */
  public Map<Workload, List<RunResult>> run(List<Workload> workloads, long records, int warmups, int rounds,
      String sides, Duration timeout) throws Exception {
    if (rounds < 1 || warmups < 0) {
      throw new IllegalArgumentException("rounds must be at least 1 and warm-up rounds at least 0, got " + rounds
          + " and " + warmups);
    }
    try (BenchTopics topics = new BenchTopics(driver.bootstrapServers());
        SchemaRegistry registry = SchemaRegistry.connect(driver.registry())) {
      long started = System.nanoTime();
      BidInput.Input input = BidInput.produce(topics, registry, driver.bootstrapServers(), INPUT_TOPIC, records);
      log.accept(String.format(Locale.ROOT, "input: %,d bids in %s, %.1f B per value on average, %,d auctions,"
          + " written in %.1f s", records, INPUT_TOPIC, input.meanValueBytes(), input.bidsPerAuction().size(),
          (System.nanoTime() - started) / 1e9));
      FlinkMemory memory = FlinkMemory.of(driver.flinkWebUrl());
      log.accept(memory.configured());
      Map<Workload, List<RunResult>> all = new LinkedHashMap<>();
      for (Workload workload : workloads) {
        List<Side> chosen = workload.sides(sides, driver, registry, topics);
        OutputCheck check = workload.check(input);
        chosen.forEach(s -> log.accept(workload.label() + "  " + s.label() + ": " + s.description()));
        List<RunResult> results = new ArrayList<>();
        for (int round = 1 - warmups; round <= rounds; round++) {
          for (Side side : chosen) {
            RunResult result = runOnce(workload, side, round, input, check, topics, memory, timeout);
            if (round >= 1) {
              results.add(result);
            }
          }
        }
        all.put(workload, results);
      }
      return all;
    }
  }

  private RunResult runOnce(Workload workload, Side side, int round, BidInput.Input input, OutputCheck check,
      BenchTopics topics, FlinkMemory memory, Duration timeout) throws Exception {
    String runId = workload.label() + "-" + Character.toLowerCase(side.label().charAt(0)) + (round >= 1 ? round : "w" + (1 - round));
    String output = "bench.out." + runId;
    topics.create(output);
    SideRun run = new SideRun(driver.bootstrapServers(), input.topic(), output, input.records(), runId, timeout);
    HeapPeak.reset();
    FlinkMemory.Sampling sampling = memory.sample();
    Duration took;
    FlinkMemory.Peak flink;
    try {
      took = side.run(run);
    } finally {
      flink = sampling.stop();
    }
    long heap = HeapPeak.bytes();
    RunResult result = new RunResult(side.label(), round, output, took, heap, input.records(),
        check.check(topics, side.label(), output), flink);
    log.accept(String.format(Locale.ROOT, "%s %-8s  %-12s %,10.0f records/s  %6.2f s  heap peak %,5d MB  %s"
            + "  output %,d records %s", workload.label(), round >= 1 ? "round " + round : "warm-up", side.label(), result.recordsPerSecond(),
        took.toNanos() / 1e9, heap >> 20, flink.text(), result.verdict().outputRecords(), result.verdict().note()));
    return result;
  }
}
