package io.baton.bench.harness;

import java.time.Duration;

/**
 * One contestant of the side-by-side run: something that copies every record of an input topic into an output
 * topic, exactly once, and says how long that took from its start until the last copy was committed.
 *
 * <pre>{@code
 * Duration took = new CopyLoopSide().copy(CopyRun.of(bootstrap, "bench.input", "bench.out.d1", 2_000, "d1"));
 * }</pre>
 */
public interface Side {

  /** A short name for the report, e.g. {@code "B flink"}. */
  String label();

  /** What this side is, in one line, for the report's legend. */
  String description();

  /**
   * Copies {@code run.records()} records from {@code run.input()} to {@code run.output()} (created, empty) and returns
   * the time from its start until every copy was committed; resources are released after the clock stops.
   */
  Duration copy(CopyRun run) throws Exception;
}
