package io.baton.bench.harness;

/**
 * Decides whether a side's output is right, after its run: for a pass-through, the output must hold the input's
 * values; for an aggregation, the expected aggregates (or, where a side's batches are cut by time, their total).
 *
 * <pre>{@code
 * OutputCheck check = OutputCheck.sameValuesAs(input.digest());
 * OutputCheck.Verdict v = check.check(topics, "B flink", "bench.out.b1");
 * }</pre>
 */
@FunctionalInterface
public interface OutputCheck {

  /** Whether the output is right, how many records it holds, and what was compared. */
  record Verdict(boolean ok, long outputRecords, String note) {}

  Verdict check(BenchTopics topics, String side, String outputTopic) throws Exception;

  /** The output must hold the values of {@code expected}: each as often, nothing else (Avro bodies compared). */
  static OutputCheck sameValuesAs(ValueDigest expected) {
    return (topics, side, topic) -> {
      ValueDigest actual = topics.digest(topic);
      return new Verdict(actual.equals(expected), actual.count(),
          actual.equals(expected) ? "= expected" : "DIFFERS: " + actual + " expected " + expected);
    };
  }
}
