package io.baton.api.accept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.testrecords.Reading;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AcceptTest {

  @Test
  void toStringShowsTheExpression() {
    Accept<Reading> accept = Accept.<Reading>schema()
        .rule("celsius in physical range", r -> r.getCelsius() >= -90 && r.getCelsius() <= 60)
        .maxRecordBytes(16_384)
        .rateLimitPerKey(Reading::getSensorId, 50, Duration.ofSeconds(1));
    assertThat(accept).hasToString(
        "Accept.schema().rule(\"celsius in physical range\").maxRecordBytes(16384).rateLimitPerKey(sensorId, 50, PT1S)");
    assertThat(accept.rules()).extracting(Rule::reason).containsExactly("rule:celsius in physical range");
    assertThat(accept.rateLimit()).get().extracting(RateLimit::excess).isEqualTo(Excess.DEAD_LETTER);
  }

  @Test
  void ruleNamesMustBeUnique() {
    assertThatThrownBy(() -> Accept.<Reading>schema().rule("a", r -> true).rule("a", r -> false))
        .hasMessage("rule name must be unique, got a second \"a\"");
  }

  @Test
  void onExcessNeedsARateLimit() {
    assertThatThrownBy(() -> Accept.schema().onExcess(Excess.BACK_PRESSURE))
        .hasMessage("onExcess(..) needs rateLimitPerKey(..) first");
  }

  @Test
  void backPressureIsAChoice() {
    Accept<Reading> accept = Accept.<Reading>schema()
        .rateLimitPerKey(Reading::getSensorId, 5, Duration.ofSeconds(1)).onExcess(Excess.BACK_PRESSURE);
    assertThat(accept.rateLimit()).get().extracting(RateLimit::excess).isEqualTo(Excess.BACK_PRESSURE);
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> Accept.schema().maxRecordBytes(0)).hasMessage("maxRecordBytes must be positive, got 0");
    assertThatThrownBy(() -> Accept.<Reading>schema().rateLimitPerKey(Reading::getSensorId, 0, Duration.ofSeconds(1)))
        .hasMessage("permits must be positive, got 0");
  }
}
