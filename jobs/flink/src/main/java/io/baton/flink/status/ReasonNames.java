package io.baton.flink.status;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dead-letter reasons as the stage writes them in its dead letters' headers, from the reason labels Flink's REST API
 * shows (it writes spaces, dots, commas and colons of metric group names as {@code _}): {@code rule_in_range} is
 * {@code rule:in range} when the stage's accept policy has that rule. Other reasons have none of those characters.
 *
 * <pre>{@code
 * ReasonNames.of("Accept.schema().rule(\"in range\")").original("rule_in_range");   // rule:in range
 * }</pre>
 */
final class ReasonNames {
  private static final Pattern RULE = Pattern.compile("\\.rule\\(\"(.*?)\"\\)");

  private final Map<String, String> originals;

  private ReasonNames(Map<String, String> originals) {
    this.originals = originals;
  }

  /** The rule reasons of a stage's accept policy, as the plan shows it ({@code Accept.schema().rule("x")...}). */
  static ReasonNames of(String acceptExpression) {
    Map<String, String> originals = new HashMap<>();
    Matcher m = RULE.matcher(acceptExpression == null ? "" : acceptExpression);
    while (m.find()) {
      String reason = "rule:" + m.group(1);
      originals.put(restLabel(reason), reason);
    }
    return new ReasonNames(originals);
  }

  /** How Flink's REST API writes a metric group name. */
  static String restLabel(String name) {
    return name.replaceAll("[ .,:]", "_");
  }

  /** The reason as written in dead letters; the label itself where no rule matches. */
  String original(String restLabel) {
    return originals.getOrDefault(restLabel, restLabel);
  }

  /** {@code counts} with each reason label turned back into its reason. */
  StageCounts restore(StageCounts counts) {
    Map<String, Long> reasons = new LinkedHashMap<>();
    counts.deadLetteredByReason().forEach((label, n) -> reasons.merge(original(label), n, Long::sum));
    return StageCounts.of(counts.in(), counts.out(), reasons, counts.late());
  }
}
