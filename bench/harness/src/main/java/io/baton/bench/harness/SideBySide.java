package io.baton.bench.harness;

import io.baton.schemas.registry.SchemaRegistry;
import io.baton.testing.PipelineTestDriver;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The side-by-side run: writes N bids once, then runs the chosen sides in turn, round after round (A B C D A B C D
 * ...), each copying the same input into a fresh output topic, and checks every output against the input.
 *
 * <pre>{@code
 * try (PipelineTestDriver driver = PipelineTestDriver.start()) {
 *   List<RunResult> results = new SideBySide(driver, System.out::println).run(1_000_000, 3, "ABCD", Duration.ofMinutes(10));
 *   System.out.println(ThroughputReport.of(results).text());
 * }
 * }</pre>
 */
public final class SideBySide {
  public static final String ALL_SIDES = "ABCD";
  static final String INPUT_TOPIC = "bench.bids";

  private final PipelineTestDriver driver;
  private final Consumer<String> log;

  public SideBySide(PipelineTestDriver driver, Consumer<String> log) {
    this.driver = driver;
    this.log = log;
  }

  /** Runs {@code rounds} rounds of the sides named by letters in {@code sides} (e.g. {@code "ABCD"}) over {@code records} bids. */
  public List<RunResult> run(long records, int rounds, String sides, Duration timeout) throws Exception {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
    }
    try (BenchTopics topics = new BenchTopics(driver.bootstrapServers());
        SchemaRegistry registry = SchemaRegistry.connect(driver.registry())) {
      List<Side> chosen = choose(sides, topics);
      long started = System.nanoTime();
      BidInput.Input input = BidInput.produce(topics, registry, driver.bootstrapServers(), INPUT_TOPIC, records);
      log.accept(String.format(Locale.ROOT, "input: %,d bids in %s, %.1f B per value on average, written in %.1f s",
          records, INPUT_TOPIC, input.meanValueBytes(), (System.nanoTime() - started) / 1e9));
      List<RunResult> results = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        for (Side side : chosen) {
          results.add(runOnce(side, round, input, topics, timeout));
        }
      }
      return results;
    }
  }

  private RunResult runOnce(Side side, int round, BidInput.Input input, BenchTopics topics, Duration timeout)
      throws Exception {
    String runId = Character.toLowerCase(side.label().charAt(0)) + Integer.toString(round);
    String output = "bench.out." + runId;
    topics.create(output);
    CopyRun run = new CopyRun(driver.bootstrapServers(), input.topic(), output, input.records(), runId, timeout);
    HeapPeak.reset();
    Duration took = side.copy(run);
    long heap = HeapPeak.bytes();
    RunResult result = new RunResult(side.label(), round, output, took, heap, topics.digest(output), input.digest());
    log.accept(String.format(Locale.ROOT, "round %d  %-10s %,10.0f records/s  %6.2f s  heap peak %,5d MB  output %s",
        round, side.label(), result.recordsPerSecond(), took.toNanos() / 1e9, heap >> 20,
        result.outputEqualsInput() ? "= input" : "DIFFERS from input: " + result.copied() + " vs " + result.expected()));
    return result;
  }

  private List<Side> choose(String sides, BenchTopics topics) throws Exception {
    List<Side> chosen = new ArrayList<>();
    for (char letter : sides.toUpperCase(Locale.ROOT).toCharArray()) {
      chosen.add(switch (letter) {
        case 'A' -> new BatonSide(driver);
        case 'B' -> new FlinkSide(URI.create(driver.flinkWebUrl()));
        case 'C' -> new StreamsSide(topics);
        case 'D' -> new CopyLoopSide();
        default -> throw new IllegalArgumentException("sides are letters of " + ALL_SIDES + ", got '" + sides + "'");
      });
    }
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException("name at least one side of " + ALL_SIDES + ", got '" + sides + "'");
    }
    return chosen;
  }
}
