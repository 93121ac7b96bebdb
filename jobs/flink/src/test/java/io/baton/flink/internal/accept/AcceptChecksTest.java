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
  void withoutALimitTheDefaultOneMebibyteApplies() {
    AcceptChecks<String> defaults = AcceptChecks.of(Accept.schema());
    assertThat(defaults.check("x", 1024 * 1024)).isNull();
    AcceptChecks.Rejection r = defaults.check("x", 1024 * 1024 + 1);
    assertThat(r.reason().code()).isEqualTo("too-large");
    assertThat(r.error()).isEqualTo("1048577 bytes > maxRecordBytes 1048576");
  }

  @Test
  void anExplicitLimitAboveTheDefaultRaisesIt() {
    AcceptChecks<String> raised = AcceptChecks.of(Accept.<String>schema().maxRecordBytes(8L << 20));
    assertThat(raised.check("x", 4L << 20)).isNull();
    assertThat(raised.checkSize((8L << 20) + 1).reason().code()).isEqualTo("too-large");
  }
}
