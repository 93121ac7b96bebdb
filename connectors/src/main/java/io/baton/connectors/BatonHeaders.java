package io.baton.connectors;

import java.util.List;
import java.util.Optional;

/**
 * Names of the headers Baton writes, in one place.
 *
 * <p>Every stage output carries {@link #LINEAGE}, one binary header with the stage version and the exact
 * inputs (see {@link Provenance}; absent when the stage turned lineage off); every output and dead letter of
 * a bounded run also carries {@link #RUN}, the run's {@link RunId} in 12 bytes ({@link RunId#fromHeaders}). Every dead letter carries the original
 * headers followed by {@link #REASON}, {@link #RULE} (rule rejections only), {@link #ERROR},
 * {@link #SOURCE_TOPIC}, {@link #SOURCE_PARTITION}, {@link #SOURCE_OFFSET}, {@link #STAGE} and {@link #TIME}
 * (see {@link DeadLetter}; read back by {@link DeadLetterRecord}). Values other than {@link #LINEAGE} and
 * {@link #RUN} are UTF-8 text. Because original headers are kept, a name may repeat: the last occurrence is the newest,
 * which {@link #last} returns.
 *
 * <pre>{@code
 * String reason = BatonHeaders.last(record.headers(), BatonHeaders.REASON).orElse("?");
 * }</pre>
 */
public final class BatonHeaders {
  /**
   * On a stage output: the writing stage's version and the input records it came from, in binary
   * ({@link LineageEncoder}; read with {@link Provenance#fromHeaders}). The stage is the one that writes
   * the record's topic.
   */
  public static final String LINEAGE = "baton.lineage";
  /** On a dead letter: the stage that rejected the record. */
  public static final String STAGE = "baton.stage";
  /** The bounded run that wrote the record ({@link RunId}), on its outputs and dead letters. */
  public static final String RUN = "baton.run";
  /** Why a record was dead-lettered: malformed, schema, too-large, rule:&lt;name&gt;, throttled, late. */
  public static final String REASON = "baton.reason";
  /** The rule that rejected a record (only for rule:&lt;name&gt; reasons). */
  public static final String RULE = "baton.rule";
  /** The error message of a rejection. */
  public static final String ERROR = "baton.error";
  /** Topic the rejected record was read from. */
  public static final String SOURCE_TOPIC = "baton.source.topic";
  /** Partition the rejected record was read from. */
  public static final String SOURCE_PARTITION = "baton.source.partition";
  /** Offset of the rejected record. */
  public static final String SOURCE_OFFSET = "baton.source.offset";
  /** When the record was rejected, ISO-8601 UTC (e.g. 2026-01-31T12:00:00.123Z). */
  public static final String TIME = "baton.time";
  /** On a replayed dead letter: the letter it came from, {@code <dead-letter topic>:<partition>:<offset>}. */
  public static final String REPLAY_OF = "baton.replay.of";
  /** On a replayed dead letter: when it was re-sent, ISO-8601 UTC. */
  public static final String REPLAY_TIME = "baton.replay.time";

  /**
   * The headers a stage appends when it dead-letters a record, in the order {@link DeadLetter} writes
   * them ({@link #RULE} only for rule rejections). {@link #STAGE} also names a stage output's writer.
   */
  public static final List<String> DEAD_LETTER = List.of(REASON, RULE, ERROR, SOURCE_TOPIC, SOURCE_PARTITION,
      SOURCE_OFFSET, STAGE, TIME);

  private BatonHeaders() {}

  /** The value of the last header named {@code key}, as UTF-8 text. */
  public static Optional<String> last(List<Header> headers, String key) {
    for (int i = headers.size() - 1; i >= 0; i--) {
      if (headers.get(i).key().equals(key)) {
        return Optional.ofNullable(headers.get(i).valueAsString());
      }
    }
    return Optional.empty();
  }
}
