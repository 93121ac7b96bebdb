package io.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatioReportTest {

  @Test
  void dividesBatonByFlinkWithTheRangeTheErrorsAllow() {
    Map<String, RatioReport.Score> scores = new LinkedHashMap<>();
    scores.put("batonGeneric", RatioReport.Score.of(120, 12));
    scores.put("flinkGeneric", RatioReport.Score.of(100, 10));

    assertThat(RatioReport.of(scores).lines())
        .contains("  batonGeneric / flinkGeneric = 1.20 (0.98..1.47)  [decode + accept, generic vs generic (like for like)]");
  }

  @Test
  void leavesOutPairsWhoseOtherSideDidNotRun() {
    Map<String, RatioReport.Score> scores = Map.of(
        "batonSpecific", RatioReport.Score.of(90, 1), "flinkGenericDecodeOnly", RatioReport.Score.of(80, 1));

    assertThat(RatioReport.of(scores).lines()).noneMatch(line -> line.contains(" / "));
  }

  @Test
  void omitsTheRangeWhenAnErrorIsUnknown() {
    Map<String, RatioReport.Score> scores = new LinkedHashMap<>();
    scores.put("batonSpecific", RatioReport.Score.of(50, Double.NaN));
    scores.put("flinkGeneric", RatioReport.Score.of(100, 5));

    assertThat(RatioReport.of(scores).lines())
        .contains("  batonSpecific / flinkGeneric = 0.50  [decode + accept, Baton's real stage path vs Flink's usable path]");
  }

  @Test
  void scoreMustBePositive() {
    assertThatThrownBy(() -> RatioReport.Score.of(0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mean must be positive, got 0.0");
  }
}
