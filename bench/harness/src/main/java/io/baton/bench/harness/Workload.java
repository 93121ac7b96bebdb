package io.baton.bench.harness;

import io.baton.schemas.nexmark.HotItem;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.testing.PipelineTestDriver;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the sides do with the input bids: copy them ({@link #PASS_THROUGH}: sides A B C D, and N, Baton with record
 * lineage off), count them per auction in count-or-time batches ({@link #KEYED_COUNT}: sides A B C; a plain loop has
 * no windows), find the highest bid per 10-second window ({@link #NEXMARK_Q7}) or the auctions with the most bids
 * per sliding window ({@link #NEXMARK_Q5}), each Baton's example pipeline A against Flink SQL B.
 *
 * <pre>{@code
 * List<Side> sides = Workload.KEYED_COUNT.sides("ABC", driver, registry);
 * OutputCheck check = Workload.KEYED_COUNT.check(input);
 * }</pre>
 */
public enum Workload {
  PASS_THROUGH("pass-through", "ABCDN"),
  KEYED_COUNT("keyed-count", "ABC"),
  NEXMARK_Q7("nexmark-q7", "AB"),
  NEXMARK_Q5("nexmark-q5", "AB");

  private final String label;
  private final String letters;

  Workload(String label, String letters) {
    this.label = label;
    this.letters = letters;
  }

  /** The name on the command line and in the report, e.g. {@code keyed-count}. */
  public String label() {
    return label;
  }

  /** The workload named {@code label}, e.g. {@code pass-through}. */
  public static Workload of(String label) {
    for (Workload w : values()) {
      if (w.label.equals(label)) {
        return w;
      }
    }
    throw new IllegalArgumentException("workloads are pass-through, keyed-count, nexmark-q7 and nexmark-q5, got '" + label + "'");
  }

  /** The sides among {@code wanted} (letters, in that order) this workload has and can run. */
  List<Side> sides(String wanted, PipelineTestDriver driver, SchemaRegistry registry, BenchTopics topics)
      throws Exception {
    List<Side> sides = new ArrayList<>();
    for (char letter : wanted.toUpperCase(Locale.ROOT).toCharArray()) {
      if (SideBySide.ALL_SIDES.indexOf(letter) < 0) {
        throw new IllegalArgumentException("sides are letters of " + SideBySide.ALL_SIDES + ", got '" + wanted + "'");
      }
      if (letters.indexOf(letter) >= 0) {
        sides.add(side(letter, driver, registry, topics));
      }
    }
    return sides;
  }

  private Side side(char letter, PipelineTestDriver driver, SchemaRegistry registry, BenchTopics topics)
      throws Exception {
    URI flink = URI.create(driver.flinkWebUrl());
    if (this == PASS_THROUGH) {
      return switch (letter) {
        case 'A' -> BatonSide.passThrough(driver);
        case 'B' -> new FlinkSide(flink);
        case 'C' -> new StreamsSide(topics);
        case 'D' -> new CopyLoopSide();
        default -> BatonSide.passThroughWithoutLineage(driver);
      };
    }
    if (this == NEXMARK_Q7) {
      return letter == 'A' ? BatonSide.q7(driver) : new FlinkSqlQ7Side(flink, driver.registry().url());
    }
    if (this == NEXMARK_Q5) {
      return letter == 'A' ? BatonSide.q5(driver) : new FlinkSqlQ5Side(flink, driver.registry().url());
    }
    int itemSchema = registry.register("bench.hot-items-value", HotItem.getClassSchema());
    return switch (letter) {
      case 'A' -> BatonSide.keyedCount(driver);
      case 'B' -> new FlinkCountSide(flink, itemSchema);
      default -> new StreamsCountSide(itemSchema);
    };
  }

  /** How a side's output is checked against the input. */
  OutputCheck check(BidInput.Input input) {
    return switch (this) {
      case PASS_THROUGH -> OutputCheck.sameValuesAs(input.digest(), side -> side.startsWith("N"));
      case KEYED_COUNT -> KeyedCount.check(input);
      case NEXMARK_Q7 -> NexmarkQ7.check(input);
      case NEXMARK_Q5 -> NexmarkQ5.check(input);
    };
  }
}
