package io.baton.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReasonFilterTest {
  @Test
  void ruleMatchesEveryRuleButNothingElse() {
    ReasonFilter rule = ReasonFilter.of("rule");
    assertThat(rule.matches("rule:celsius in physical range")).isTrue();
    assertThat(rule.matches("rule:positive")).isTrue();
    assertThat(rule.matches("malformed")).isFalse();
    assertThat(rule.matches("rules")).isFalse();
    assertThat(rule.matches(null)).isFalse();
  }

  @Test
  void anExactReasonMatchesOnlyItself() {
    assertThat(ReasonFilter.of("malformed").matches("malformed")).isTrue();
    assertThat(ReasonFilter.of("malformed").matches("schema")).isFalse();
    assertThat(ReasonFilter.of("rule:positive").matches("rule:positive")).isTrue();
    assertThat(ReasonFilter.of("rule:positive").matches("rule:positive and small")).isFalse();
  }

  @Test
  void anyMatchesEverythingEvenAMissingReason() {
    assertThat(ReasonFilter.any().matches(null)).isTrue();
    assertThat(ReasonFilter.any().matches("late")).isTrue();
    assertThat(ReasonFilter.any().text()).isEqualTo("any");
  }

  @Test
  void aReasonBatonNeverWritesIsRefused() {
    assertThatThrownBy(() -> ReasonFilter.of("malformd")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown reason 'malformd'; expected one of malformed, schema, too-large, throttled, late, rule or rule:<name>");
    assertThatThrownBy(() -> ReasonFilter.of(" ")).hasMessageStartingWith("reason must not be blank");
  }

  @Test
  void toStringShowsTheExpression() {
    assertThat(ReasonFilter.of("rule")).hasToString("ReasonFilter.of(\"rule\")").isEqualTo(ReasonFilter.of("rule"));
    assertThat(ReasonFilter.any()).hasToString("ReasonFilter.any()");
  }
}
