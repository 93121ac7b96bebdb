package io.baton.connectors;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A dead letter read back from a stage's dead-letter topic: the rejected record's original key, value
 * and headers, and what {@link DeadLetter} appended to them (reason, rule, error, source
 * topic/partition/offset, stage, time). The reading side of {@link DeadLetter}; a missing or unreadable
 * header reads as empty, never as an error.
 *
 * <pre>{@code
 * DeadLetterRecord letter = DeadLetterRecord.from(recordOfTheDeadLetterTopic);
 * letter.reasonCode();        // Optional[rule:celsius in physical range]
 * letter.marker();            // "sensor-story.readings.dead-letter:0:3", what a replay records in baton.replay.of
 * letter.replayHeaders(now);  // the original headers plus the replay marks, for re-sending it
 * }</pre>
 */
public final class DeadLetterRecord {
  private final KafkaRecord record;

  private DeadLetterRecord(KafkaRecord record) {
    this.record = record;
  }

  /** The dead letter in {@code record}, a record of a dead-letter topic. */
  public static DeadLetterRecord from(KafkaRecord record) {
    return new DeadLetterRecord(Objects.requireNonNull(record, "dead-letter record must not be null"));
  }

  /** The record of the dead-letter topic itself (original key and value, all headers). */
  public KafkaRecord record() {
    return record;
  }

  /** The reason code as written ({@code late}, {@code rule:positive}); empty when the header is missing. */
  public Optional<String> reasonCode() {
    return record.lastHeader(BatonHeaders.REASON);
  }

  /** The reason, parsed; empty when the header is missing or names no reason Baton writes. */
  public Optional<DeadLetterReason> reason() {
    try {
      return reasonCode().map(DeadLetterReason::parse);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The rule that rejected the record, for {@code rule:<name>} reasons. */
  public Optional<String> rule() {
    return record.lastHeader(BatonHeaders.RULE);
  }

  /** The error message of the rejection. */
  public Optional<String> error() {
    return record.lastHeader(BatonHeaders.ERROR);
  }

  /** The stage that rejected the record. */
  public Optional<String> stage() {
    return record.lastHeader(BatonHeaders.STAGE);
  }

  /** When the record was rejected; empty when the header is missing or not an ISO-8601 instant. */
  public Optional<Instant> time() {
    return instant(record.lastHeader(BatonHeaders.TIME));
  }

  /** Topic the rejected record was read from: where a replay sends it. */
  public Optional<String> sourceTopic() {
    return record.lastHeader(BatonHeaders.SOURCE_TOPIC);
  }

  /** Partition the rejected record was read from; empty when the header is missing or not a partition number. */
  public OptionalInt sourcePartition() {
    OptionalLong p = number(BatonHeaders.SOURCE_PARTITION);
    return p.isPresent() && p.getAsLong() >= 0 && p.getAsLong() <= Integer.MAX_VALUE
        ? OptionalInt.of((int) p.getAsLong()) : OptionalInt.empty();
  }

  /** Offset of the rejected record; empty when the header is missing or not a number. */
  public OptionalLong sourceOffset() {
    return number(BatonHeaders.SOURCE_OFFSET);
  }

  /** {@code topic:partition:offset} of the rejected record as written, {@code ?} for missing parts. */
  public String source() {
    return sourceTopic().orElse("?") + ":" + record.lastHeader(BatonHeaders.SOURCE_PARTITION).orElse("?") + ":"
        + record.lastHeader(BatonHeaders.SOURCE_OFFSET).orElse("?");
  }

  /** The dead letter a replay re-sent the rejected record from, when that record was itself a replay. */
  public Optional<String> replayOf() {
    return BatonHeaders.last(originalHeaders(), BatonHeaders.REPLAY_OF);
  }

  /** When the rejected record was re-sent, when it was itself a replay. */
  public Optional<Instant> replayTime() {
    return instant(BatonHeaders.last(originalHeaders(), BatonHeaders.REPLAY_TIME));
  }

  /** This letter's own place, {@code <dead-letter topic>:<partition>:<offset>}: the value of a replay's marker. */
  public String marker() {
    return record.topic() + ":" + record.partition() + ":" + record.offset();
  }

  /**
   * The headers the record carried before it was rejected: everything before the dead-letter block
   * (which starts at the last {@link BatonHeaders#REASON}), so an upstream output's
   * {@link BatonHeaders#LINEAGE} stays. Without a reason header nothing is removed.
   */
  public List<Header> originalHeaders() {
    List<Header> all = record.headers();
    int block = all.size();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).key().equals(BatonHeaders.REASON)) {
        block = i;
        break;
      }
    }
    List<Header> kept = new ArrayList<>(all.subList(0, block));
    all.subList(block, all.size()).stream().filter(h -> !BatonHeaders.DEAD_LETTER.contains(h.key())).forEach(kept::add);
    return List.copyOf(kept);
  }

  /**
   * What a replay of this letter carries: the original headers, then {@link BatonHeaders#REPLAY_OF} (this
   * letter's {@link #marker()}) and {@link BatonHeaders#REPLAY_TIME} ({@code at}).
   */
  public List<Header> replayHeaders(Instant at) {
    Objects.requireNonNull(at, "replay time must not be null");
    List<Header> headers = new ArrayList<>(originalHeaders());
    headers.add(Header.ofString(BatonHeaders.REPLAY_OF, marker()));
    headers.add(Header.ofString(BatonHeaders.REPLAY_TIME, at.toString()));
    return List.copyOf(headers);
  }

  private OptionalLong number(String name) {
    try {
      return record.lastHeader(name).map(v -> OptionalLong.of(Long.parseLong(v.trim()))).orElse(OptionalLong.empty());
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static Optional<Instant> instant(Optional<String> text) {
    try {
      return text.map(t -> Instant.parse(t.trim()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeadLetterRecord other && record.equals(other.record);
  }

  @Override
  public int hashCode() {
    return record.hashCode();
  }

  @Override
  public String toString() {
    return "DeadLetterRecord.from(" + marker() + ", " + reasonCode().orElse("no reason") + ")";
  }
}
