package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.connectors.BatonHeaders;
import io.baton.connectors.DeadLetter;
import io.baton.connectors.DeadLetterReason;
import io.baton.connectors.DeadLetterRecord;
import io.baton.connectors.Header;
import io.baton.connectors.InputOffsets;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.LineageEncoder;
import io.baton.connectors.OutRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Dead letters as the stages write them ({@link DeadLetter}), selected for a replay and turned into replay records. */
class ReplayTest {
  private static final Instant AT = Instant.parse("2026-01-31T12:00:00Z");
  /** The lineage the source stage wrote on the rejected record. */
  private static final byte[] LINEAGE = LineageEncoder.of("1", List.of("sensors.readings"))
      .encode(InputOffsets.of("sensors.readings", 0, 3));

  /** An upstream output (its lineage, one custom header) read by per-minute at offset 7 and rejected as late. */
  private static DeadLetterRecord lateLetter(long deadLetterOffset, Header... extra) {
    KafkaRecord input = KafkaRecord.builder().topic("sensor-story.readings").partition(1).offset(7)
        .key(bytes("s-1")).value(new byte[] {0, 0, 0, 0, 1, 2})
        .header(Header.ofString("trace-id", "abc"))
        .header(Header.of(BatonHeaders.LINEAGE, LINEAGE))
        .headers(List.of(extra))
        .build();
    OutRecord out = DeadLetter.forStage("sensor-story", "per-minute", "sensor-story.per-minute.dead-letter").record(input, DeadLetterReason.late(), "too late", AT);
    return DeadLetterRecord.from(KafkaRecord.builder().topic(out.topic().orElseThrow()).partition(0).offset(deadLetterOffset)
        .key(out.key()).value(out.value()).headers(out.headers()).build());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aReplayCarriesTheOriginalRecordAndTheMarker() {
    DeadLetterRecord letter = lateLetter(3);
    ProducerRecord<byte[], byte[]> replay = LetterSender.replayOf(letter, 1, AT);
    assertThat(replay.topic()).isEqualTo("sensor-story.readings");
    assertThat(replay.partition()).isEqualTo(1);
    assertThat(replay.key()).isEqualTo(bytes("s-1"));
    assertThat(replay.value()).isEqualTo(new byte[] {0, 0, 0, 0, 1, 2});
    assertThat(replay.headers().toArray()).extracting(h -> h.key().equals(BatonHeaders.LINEAGE)
            ? h.key() + "=" + java.util.Arrays.equals(h.value(), LINEAGE) : h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8))
        .containsExactly("trace-id=abc", "baton.lineage=true",
            "baton.replay.of=sensor-story.per-minute.dead-letter:0:3", "baton.replay.time=2026-01-31T12:00:00Z");
  }

  @Test
  void aLetterIsReSentAtMostOnceAndReplaysThatFailedAgainWaitForConsent() {
    DeadLetterRecord first = lateLetter(3);
    DeadLetterRecord fresh = lateLetter(4);
    DeadLetterRecord again = lateLetter(9, Header.ofString(BatonHeaders.REPLAY_OF, "sensor-story.per-minute.dead-letter:0:3"));
    DeadLetterRecord nowhere = DeadLetterRecord.from(KafkaRecord.builder().topic("sensor-story.per-minute.dead-letter").offset(10)
        .header(Header.ofString(BatonHeaders.REASON, "late")).build());
    Set<String> present = Set.of("sensor-story.per-minute.dead-letter:0:3");

    ReplaySelection s = ReplaySelection.of(List.of(first, fresh, again, nowhere), present, false);
    assertThat(s.toSend()).containsExactly(fresh);
    assertThat(s.alreadyReplayed()).containsExactly(first);
    assertThat(s.failedAgain()).containsExactly(again);
    assertThat(s.noSource()).containsExactly(nowhere);

    assertThat(ReplaySelection.of(List.of(first, fresh, again), present, true).toSend()).containsExactly(fresh, again);
  }

  @Test
  void countsByReasonAreSortedByReason() {
    DeadLetterRecord late = lateLetter(3);
    assertThat(StageLetters.counts(StageLetters.byReason(List.of(late, late)))).isEqualTo("late 2");
  }
}
