package io.baton.connectors;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterTest {
  private static final Instant AT = Instant.parse("2026-01-31T12:00:00.123Z");

  private static KafkaRecord input() {
    return KafkaRecord.builder().topic("sensors.readings").partition(3).offset(1234).timestamp(1_700_000_000_000L)
        .key("sensor-9".getBytes(UTF_8)).value(new byte[] {0, 0, 0, 0, 1, 42})
        .header(Header.ofString("trace-id", "abc"))
        .header(Header.ofString(BatonHeaders.STAGE, "upstream"))
        .build();
  }

  @Test
  void ruleRejectionKeepsOriginalBytesAndHeadersAndAppendsTheReason() {
    OutRecord dl = DeadLetter.forStage("sensor-story", "readings", "sensor-story.readings.dead-letter")
        .record(input(), DeadLetterReason.rule("celsius in physical range"), "celsius was 412.0", AT);

    assertThat(dl.topic()).hasValue("sensor-story.readings.dead-letter");
    assertThat(dl.key()).isEqualTo("sensor-9".getBytes(UTF_8));
    assertThat(dl.value()).containsExactly(0, 0, 0, 0, 1, 42);
    assertThat(dl.timestamp()).isEqualTo(1_700_000_000_000L);
    assertThat(dl.headers()).extracting(Header::toString).containsExactly(
        "trace-id=abc",
        "baton.stage=upstream",
        "baton.reason=rule:celsius in physical range",
        "baton.rule=celsius in physical range",
        "baton.error=celsius was 412.0",
        "baton.source.topic=sensors.readings",
        "baton.source.partition=3",
        "baton.source.offset=1234",
        "baton.stage=readings",
        "baton.time=2026-01-31T12:00:00.123Z");
    assertThat(dl.lastHeader(BatonHeaders.STAGE)).hasValue("readings");
  }

  @Test
  void nonRuleReasonHasNoRuleHeader() {
    OutRecord dl = DeadLetter.forStage("p", "s", "p.s.dead-letter").record(input(), DeadLetterReason.malformed(), null, AT);

    assertThat(dl.lastHeader(BatonHeaders.REASON)).hasValue("malformed");
    assertThat(dl.lastHeader(BatonHeaders.RULE)).isEmpty();
    assertThat(dl.lastHeader(BatonHeaders.ERROR)).hasValue("");
  }

  @Test
  void nullValueIsDeadLetteredAsIs() {
    KafkaRecord tombstone = KafkaRecord.builder().topic("t").value(null).build();

    OutRecord dl = DeadLetter.forStage("p", "s", "p.s.dead-letter").record(tombstone, DeadLetterReason.malformed(), "value is null", AT);

    assertThat(dl.value()).isNull();
    assertThat(dl.key()).isNull();
  }

  @Test
  void longErrorsAreCut() {
    OutRecord dl = DeadLetter.forStage("p", "s", "p.s.dead-letter").record(input(), DeadLetterReason.schema(), "x".repeat(5_000), AT);

    assertThat(dl.lastHeader(BatonHeaders.ERROR)).get().asString().hasSize(DeadLetter.MAX_ERROR_CHARS).endsWith("…");
  }

  @Test
  void namesMustMakeALegalTopic() {
    assertThatThrownBy(() -> DeadLetter.forStage("sensor story", " ", "sensor story. .dead-letter"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid DeadLetter.forStage: stage must not be blank, got ' '");
    assertThatThrownBy(() -> DeadLetter.forStage("sensor story", "readings", "sensor story.readings.dead-letter"))
        .hasMessage("invalid DeadLetter.forStage: dead-letter topic 'sensor story.readings.dead-letter' is not a legal"
            + " Kafka topic name (letters, digits, '.', '_', '-'; at most 249)");
  }

  @Test
  void reasonsParseFromTheirCodes() {
    assertThat(DeadLetterReason.parse("too-large")).isEqualTo(DeadLetterReason.tooLarge());
    assertThat(DeadLetterReason.parse("rule:positive").ruleName()).hasValue("positive");
    assertThat(DeadLetterReason.late()).hasToString("late");
    assertThatThrownBy(() -> DeadLetterReason.parse("bored"))
        .hasMessage("dead-letter reason 'bored' is not one of malformed, schema, too-large, throttled, late, rule:<name>");
    assertThatThrownBy(() -> DeadLetterReason.rule(""))
        .hasMessage("rule name must not be blank, got ''");
  }

  @Test
  void deadLetterMakerToStringShowsTheExpression() {
    assertThat(DeadLetter.forStage("p", "s", "p.s.dead-letter"))
        .hasToString("DeadLetter.forStage(\"p\", \"s\", \"p.s.dead-letter\")");
  }
}
