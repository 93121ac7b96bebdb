package io.baton.bench.harness;

import io.baton.connectors.BatonHeaders;
import java.util.Locale;
import java.util.function.Predicate;

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
    return sameValuesAs(expected, side -> false);
  }

  /**
   * As {@link #sameValuesAs(ValueDigest)}, and the outputs of the sides {@code lineageOff} names must carry no lineage
   * header ({@code baton.lineage}). The note gives the headers' mean size per record.
   */
  static OutputCheck sameValuesAs(ValueDigest expected, Predicate<String> lineageOff) {
    return (topics, side, topic) -> {
      BenchTopics.Contents actual = topics.contents(topic);
      boolean values = actual.digest().equals(expected);
      boolean lineage = !lineageOff.test(side) || actual.withLineage() == 0;
      String note = (values ? "= expected" : "DIFFERS: " + actual.digest() + " expected " + expected)
          + (lineage ? "" : ", but " + actual.withLineage() + " records carry " + BatonHeaders.LINEAGE)
          + String.format(Locale.ROOT, ", headers %.1f B per record", actual.meanHeaderBytes());
      return new Verdict(values && lineage, actual.digest().count(), note);
    };
  }
}
