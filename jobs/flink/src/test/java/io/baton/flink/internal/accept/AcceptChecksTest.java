package io.baton.flink.internal.accept;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.accept.Accept;
import org.junit.jupiter.api.Test;

class AcceptChecksTest {
  private final AcceptChecks<String> checks = AcceptChecks.of(Accept.<String>schema()
      .rule("not empty", s -> !s.isEmpty())
      .rule("short", s -> s.length() < 5)
      .maxRecordBytes(100));

  @Test
  void recordPassingEveryCheckIsAccepted() {
    assertThat(checks.check("abc", 100)).isNull();
  }

  @Test
  void sizeIsCheckedBeforeRules() {
    AcceptChecks.Rejection r = checks.check("", 101);
    assertThat(r.reason().code()).isEqualTo("too-large");
    assertThat(r.error()).isEqualTo("101 bytes > maxRecordBytes 100");
  }

  @Test
  void firstFailingRuleInDeclarationOrderNamesTheRejection() {
    AcceptChecks.Rejection r = checks.check("", 1);
    assertThat(r.reason().code()).isEqualTo("rule:not empty");
    assertThat(r.error()).isEqualTo("rule 'not empty' is false");
    assertThat(checks.check("toolong", 1).reason().code()).isEqualTo("rule:short");
  }

  @Test
  void ruleThatThrowsRefusesWithTheException() {
    AcceptChecks.Rejection r = checks.check(null, 1);
    assertThat(r.reason().code()).isEqualTo("rule:not empty");
    assertThat(r.error()).startsWith("rule 'not empty' threw java.lang.NullPointerException");
  }

  @Test
  void noLimitsAcceptsAnything() {
    assertThat(AcceptChecks.<String>of(Accept.schema()).check("x", Long.MAX_VALUE)).isNull();
  }
}
