package io.baton.bench.harness;

import java.time.Duration;

/**
 * One contestant of the side-by-side run: something that reads every record of an input topic and writes its
 * result (a copy, or an aggregate) to an output topic, exactly once, and says how long that took from its start until
 * the last output was committed.
 *
 * <pre>{@code
 * Duration took = new CopyLoopSide().run(SideRun.of(bootstrap, "bench.bids", "bench.out.d1", 2_000, "d1"));
 * }</pre>
 */
public interface Side {

  /** A short name for the report that starts with its letter, e.g. {@code "B flink"}. */
  String label();

  /** What this side is, in one line, for the report's legend. */
  String description();

  /**
   * Processes all {@code run.records()} records of {@code run.input()} into {@code run.output()} (created, empty) and
   * returns the time from its start until every output was committed; resources are released after the clock stops.
   */
  Duration run(SideRun run) throws Exception;
}
