package io.baton.cli;

import io.baton.connectors.BatonHeaders;
import io.baton.connectors.Header;
import io.baton.connectors.KafkaRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One dead letter as read back from {@code <pipeline>.<stage>.dead-letter}: the rejected record's
 * original key, value and headers, followed by the dead-letter headers a stage appends
 * ({@code baton.reason}, {@code baton.rule}, {@code baton.error}, {@code baton.source.*},
 * {@code baton.stage}, {@code baton.time}).
 *
 * <pre>{@code
 * Letter letter = Letter.of(record);
 * letter.reason();            // "rule:celsius in physical range"
 * letter.marker();            // "sensor-story.readings.dead-letter:0:3", what a replay records in baton.replay.of
 * letter.originalHeaders();   // what the record carried before it was rejected
 * }</pre>
 */
final class Letter {
  /** Header a replayed record carries: the dead letter it was re-sent from, {@code <topic>:<partition>:<offset>}. */
  static final String REPLAY_OF = BatonHeaders.REPLAY_OF;
  /** Header a replayed record carries: when it was re-sent, ISO-8601 UTC. */
  static final String REPLAY_TIME = BatonHeaders.REPLAY_TIME;

  /** The headers a stage appends when it dead-letters a record (baton.stage also names a stage output's writer). */
  private static final Set<String> DEAD_LETTER_HEADERS = Set.of(BatonHeaders.REASON, BatonHeaders.RULE,
      BatonHeaders.ERROR, BatonHeaders.SOURCE_TOPIC, BatonHeaders.SOURCE_PARTITION, BatonHeaders.SOURCE_OFFSET,
      BatonHeaders.STAGE, BatonHeaders.TIME);

  private final KafkaRecord record;

  private Letter(KafkaRecord record) {
    this.record = record;
  }

  /** The letter in a record of a dead-letter topic. */
  static Letter of(KafkaRecord record) {
    return new Letter(java.util.Objects.requireNonNull(record, "record must not be null"));
  }

  /** The dead-letter record itself. */
  KafkaRecord record() {
    return record;
  }

  /** Why it was rejected, or null when the header is missing. */
  String reason() {
    return header(BatonHeaders.REASON).orElse(null);
  }

  Optional<String> stage() {
    return header(BatonHeaders.STAGE);
  }

  Optional<String> error() {
    return header(BatonHeaders.ERROR);
  }

  Optional<String> time() {
    return header(BatonHeaders.TIME);
  }

  /** Topic the rejected record was read from: where a replay sends it. */
  Optional<String> sourceTopic() {
    return header(BatonHeaders.SOURCE_TOPIC);
  }

  /** Partition the rejected record was read from; empty when the header is missing or not a number. */
  OptionalInt sourcePartition() {
    OptionalLong p = number(BatonHeaders.SOURCE_PARTITION);
    return p.isPresent() && p.getAsLong() >= 0 && p.getAsLong() <= Integer.MAX_VALUE
        ? OptionalInt.of((int) p.getAsLong()) : OptionalInt.empty();
  }

  /** Offset of the rejected record; empty when the header is missing or not a number. */
  OptionalLong sourceOffset() {
    return number(BatonHeaders.SOURCE_OFFSET);
  }

  /** {@code topic:partition:offset} of the rejected record, {@code ?} for missing parts. */
  String source() {
    return sourceTopic().orElse("?") + ":" + header(BatonHeaders.SOURCE_PARTITION).orElse("?") + ":"
        + header(BatonHeaders.SOURCE_OFFSET).orElse("?");
  }

  /** The dead letter a replay re-sent this record from, when the rejected record was itself a replay. */
  Optional<String> replayOf() {
    return BatonHeaders.last(originalHeaders(), REPLAY_OF);
  }

  /** This letter's own place, {@code <dead-letter topic>:<partition>:<offset>}: the value of a replay's marker. */
  String marker() {
    return record.topic() + ":" + record.partition() + ":" + record.offset();
  }

  /**
   * The headers the record carried before it was rejected: everything before the dead-letter block
   * (which starts at the last {@code baton.reason}), so provenance headers such as {@code baton.stage}
   * of an upstream output stay. Without a {@code baton.reason} header nothing is removed.
   */
  List<Header> originalHeaders() {
    List<Header> all = record.headers();
    int block = all.size();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).key().equals(BatonHeaders.REASON)) {
        block = i;
        break;
      }
    }
    List<Header> kept = new ArrayList<>(all.subList(0, block));
    all.subList(block, all.size()).stream().filter(h -> !DEAD_LETTER_HEADERS.contains(h.key())).forEach(kept::add);
    return List.copyOf(kept);
  }

  private Optional<String> header(String name) {
    return record.lastHeader(name);
  }

  private OptionalLong number(String name) {
    try {
      return header(name).map(v -> OptionalLong.of(Long.parseLong(v.trim()))).orElse(OptionalLong.empty());
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public String toString() {
    return "Letter.of(" + marker() + ", " + reason() + ")";
  }
}
