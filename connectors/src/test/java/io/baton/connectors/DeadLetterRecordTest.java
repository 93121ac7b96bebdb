package io.baton.connectors;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dead letters as {@link DeadLetter} writes them, read back by {@link DeadLetterRecord}. */
class DeadLetterRecordTest {
  private static final Instant AT = Instant.parse("2026-01-31T12:00:00.123Z");
  private static final String TOPIC = "sensor-story.per-minute.dead-letter";
  /** The lineage the source stage wrote on the rejected record. */
  private static final byte[] LINEAGE = LineageEncoder.of("1", List.of("sensors.readings"))
      .encode(InputOffsets.of("sensors.readings", 0, 3));

  /** An upstream output (its lineage, one custom header) read at offset 7 of partition 1 and rejected. */
  private static DeadLetterRecord written(DeadLetterReason reason, long deadLetterOffset, Header... extra) {
    KafkaRecord input = KafkaRecord.builder().topic("sensor-story.readings").partition(1).offset(7)
        .key("s-1".getBytes(UTF_8)).value(new byte[] {0, 0, 0, 0, 1, 2})
        .header(Header.ofString("trace-id", "abc"))
        .header(Header.of(BatonHeaders.LINEAGE, LINEAGE))
        .headers(List.of(extra))
        .build();
    OutRecord out = DeadLetter.forStage("sensor-story", "per-minute", TOPIC).record(input, reason, "too late", AT);
    return DeadLetterRecord.from(KafkaRecord.builder().topic(out.topic().orElseThrow()).partition(0)
        .offset(deadLetterOffset).key(out.key()).value(out.value()).headers(out.headers()).build());
  }

  @Test
  void everyFieldWrittenIsReadBack() {
    DeadLetterRecord letter = written(DeadLetterReason.rule("celsius in physical range"), 3);
    assertThat(letter.reasonCode()).contains("rule:celsius in physical range");
    assertThat(letter.reason()).contains(DeadLetterReason.rule("celsius in physical range"));
    assertThat(letter.rule()).contains("celsius in physical range");
    assertThat(letter.error()).contains("too late");
    assertThat(letter.stage()).contains("per-minute");
    assertThat(letter.time()).contains(AT);
    assertThat(letter.sourceTopic()).contains("sensor-story.readings");
    assertThat(letter.sourcePartition()).hasValue(1);
    assertThat(letter.sourceOffset()).hasValue(7);
    assertThat(letter.source()).isEqualTo("sensor-story.readings:1:7");
    assertThat(letter.marker()).isEqualTo(TOPIC + ":0:3");
    assertThat(letter.replayOf()).isEmpty();
    assertThat(letter.replayTime()).isEmpty();
    assertThat(letter.record().key()).isEqualTo("s-1".getBytes(UTF_8));
    assertThat(letter.record().value()).containsExactly(0, 0, 0, 0, 1, 2);
  }

  @Test
  void aReasonOtherThanARuleHasNoRule() {
    DeadLetterRecord letter = written(DeadLetterReason.late(), 3);
    assertThat(letter.reason()).contains(DeadLetterReason.late());
    assertThat(letter.rule()).isEmpty();
  }

  @Test
  void originalHeadersDropTheDeadLetterBlockButKeepProvenance() {
    assertThat(written(DeadLetterReason.late(), 3).originalHeaders()).extracting(Header::toString)
        .containsExactly("trace-id=abc", "baton.lineage=<" + LINEAGE.length + " bytes>");
  }

  @Test
  void aReplayCarriesTheOriginalHeadersThenItsMarks() {
    Instant replayed = Instant.parse("2026-02-01T08:00:00Z");
    assertThat(written(DeadLetterReason.late(), 3).replayHeaders(replayed)).extracting(Header::toString)
        .containsExactly("trace-id=abc", "baton.lineage=<" + LINEAGE.length + " bytes>",
            "baton.replay.of=" + TOPIC + ":0:3", "baton.replay.time=2026-02-01T08:00:00Z");
  }

  @Test
  void aLetterOfAReplayKnowsWhichLetterItWasReplayedFrom() {
    DeadLetterRecord again = written(DeadLetterReason.late(), 9,
        Header.ofString(BatonHeaders.REPLAY_OF, TOPIC + ":0:3"), Header.ofString(BatonHeaders.REPLAY_TIME, "2026-02-01T08:00:00Z"));
    assertThat(again.replayOf()).contains(TOPIC + ":0:3");
    assertThat(again.replayTime()).contains(Instant.parse("2026-02-01T08:00:00Z"));
    assertThat(again.originalHeaders()).extracting(Header::key)
        .contains(BatonHeaders.REPLAY_OF).doesNotContain(BatonHeaders.REASON);
  }

  @Test
  void missingOrUnreadableHeadersReadAsEmpty() {
    DeadLetterRecord bare = DeadLetterRecord.from(KafkaRecord.builder().topic(TOPIC).offset(10)
        .header(Header.ofString(BatonHeaders.REASON, "bored"))
        .header(Header.ofString(BatonHeaders.SOURCE_PARTITION, "one"))
        .header(Header.ofString(BatonHeaders.TIME, "yesterday"))
        .build());
    assertThat(bare.reasonCode()).contains("bored");
    assertThat(bare.reason()).isEmpty();
    assertThat(bare.sourceTopic()).isEmpty();
    assertThat(bare.sourcePartition()).isEmpty();
    assertThat(bare.sourceOffset()).isEmpty();
    assertThat(bare.time()).isEmpty();
    assertThat(bare.source()).isEqualTo("?:one:?");
    assertThat(bare.originalHeaders()).isEmpty();
  }

  @Test
  void aReasonFilterSelectsLettersByTheirReason() {
    assertThat(ReasonFilter.of("rule").selects(written(DeadLetterReason.rule("positive"), 1))).isTrue();
    assertThat(ReasonFilter.of("rule").selects(written(DeadLetterReason.late(), 1))).isFalse();
    assertThat(ReasonFilter.of("late").selects(DeadLetterRecord.from(KafkaRecord.builder().topic(TOPIC).build()))).isFalse();
  }
}
