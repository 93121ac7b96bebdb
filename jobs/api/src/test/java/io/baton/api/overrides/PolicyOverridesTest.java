package io.baton.api.overrides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.Delivery;
import io.baton.api.Pipeline;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.accept.Accept;
import io.baton.api.accept.Excess;
import io.baton.api.batch.Batch;
import io.baton.api.internal.PipelineGraph;
import io.baton.api.internal.StageSpec;
import io.baton.api.testrecords.Reading;
import io.baton.api.testrecords.Summary;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyOverridesTest {

  static Summary summarize(String key, List<Reading> readings) {
    return new Summary(key, readings.size());
  }

  /** One stage of every batch policy kind. */
  static PipelineGraph pipeline() {
    Pipeline p = Pipeline.named("kinds");
    Stage<Reading> readings = p.source("readings", Topic.of("kinds.in", Reading.class)
        .accept(Accept.<Reading>schema().rule("warm", r -> r.getCelsius() > 0)
            .rateLimitPerKey(Reading::getSensorId, 50, Duration.ofSeconds(1)).onExcess(Excess.BACK_PRESSURE))
        .eventTime(Reading::getTimestamp, Duration.ofSeconds(5)));
    p.stage("every", readings, Batch.every(Duration.ofMinutes(1)).keyedBy(Reading::getSensorId)
        .withGrace(Duration.ofSeconds(10)), PolicyOverridesTest::summarize);
    p.stage("sliding", readings, Batch.sliding(Duration.ofMinutes(10), Duration.ofMinutes(5)),
        PolicyOverridesTest::summarize);
    p.stage("session", readings, Batch.session(Duration.ofMinutes(3)).inProcessingTime(), PolicyOverridesTest::summarize);
    p.stage("count", readings, Batch.count(100).keyedBy(Reading::getSensorId), PolicyOverridesTest::summarize);
    p.stage("count-or-time", readings, Batch.countOrTime(1000, Duration.ofMinutes(1)), PolicyOverridesTest::summarize);
    p.stage("bytes", readings, Batch.bytes(65_536, Duration.ofSeconds(30)), PolicyOverridesTest::summarize);
    return p.build();
  }

  private static Map<String, Object> settings(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  private static PolicyOverrides file(Object tree) {
    return PolicyOverrides.fromTree("prod.yaml", tree);
  }

  private static PolicyOverrides stages(Map<String, Object> byStage) {
    return file(Map.of("stages", byStage));
  }

  private static List<String> problems(PolicyOverrides overrides) {
    try {
      overrides.applyTo(pipeline());
    } catch (OverridesException e) {
      return e.problems();
    }
    throw new AssertionError("expected problems");
  }

  @Test
  void eachPolicyIsRebuiltByItsFactoryKeepingKeyClockAndGrace() {
    Map<String, Object> byStage = new LinkedHashMap<>();
    byStage.put("every", settings("batch", settings("size", "2m")));
    byStage.put("sliding", settings("batch", settings("size", "20m", "slide", "PT2M")));
    byStage.put("session", settings("batch", settings("gap", "90s")));
    byStage.put("count", settings("batch", settings("n", 7)));
    byStage.put("count-or-time", settings("batch", settings("n", "500", "maxWait", "500ms")));
    byStage.put("bytes", settings("batch", settings("maxBytes", 1024, "maxWait", "1h")));
    PipelineGraph before = pipeline();
    PipelineGraph g = stages(byStage).applyTo(before).graph();

    assertThat(g.stage("every").batch()).hasToString("Batch.every(PT2M) keyedBy sensorId withGrace(PT10S)");
    assertThat(g.stage("sliding").batch()).hasToString("Batch.sliding(PT20M, PT2M)");
    assertThat(g.stage("session").batch()).hasToString("Batch.session(PT1M30S) inProcessingTime");
    assertThat(g.stage("count").batch()).hasToString("Batch.count(7) keyedBy sensorId");
    assertThat(g.stage("count-or-time").batch()).hasToString("Batch.countOrTime(500, PT0.5S)");
    assertThat(g.stage("bytes").batch()).hasToString("Batch.bytes(1024, PT1H)");
    assertThat((Object) g.stage("count").batch().key().orElseThrow()).isSameAs(before.stage("count").batch().key().orElseThrow());
  }

  @Test
  void graceIsReplacedAndZeroMeansNoGrace() {
    PipelineGraph g = stages(Map.of("every", settings("batch", settings("grace", "0s")),
        "sliding", settings("batch", settings("grace", "45s")))).applyTo(pipeline()).graph();
    assertThat(g.stage("every").batch()).hasToString("Batch.every(PT1M) keyedBy sensorId withNoGrace");
    assertThat(g.stage("sliding").batch()).hasToString("Batch.sliding(PT10M, PT5M) withGrace(PT45S)");
  }

  @Test
  void parallelismDeliveryAndLimitsApplyToAnyStage() {
    PipelineGraph g = stages(Map.of(
        "readings", settings("parallelism", 3, "delivery", "at-least-once",
            "limits", settings("maxRecordBytes", 4096, "rate", settings("permits", 500, "per", "2s"))),
        "count", settings("limits", settings("maxRecordBytes", "1024")))).applyTo(pipeline()).graph();
    StageSpec readings = g.stage("readings");
    assertThat(readings.parallelism()).isEqualTo(3);
    assertThat(readings.delivery()).isEqualTo(Delivery.AT_LEAST_ONCE);
    assertThat(readings.accept()).hasToString("Accept.schema().rule(\"warm\").maxRecordBytes(4096)"
        + ".rateLimitPerKey(sensorId, 500, PT2S) onExcess(BACK_PRESSURE)");
    assertThat(readings.accept().rules()).hasSize(1);
    assertThat(g.stage("count").accept()).hasToString("Accept.schema().maxRecordBytes(1024)");
  }

  @Test
  void stagesWithoutOverridesAreLeftAsTheyWere() {
    PipelineGraph before = pipeline();
    AppliedOverrides applied = stages(Map.of("count", settings("parallelism", 2))).applyTo(before);
    assertThat(applied.graph().stage("every")).isEqualTo(before.stage("every"));
    assertThat(applied.stages().keySet()).containsExactly("count");
    assertThat(applied.of("every").isEmpty()).isTrue();
    assertThat(PolicyOverrides.none().applyTo(before).graph()).isEqualTo(before);
    assertThat(file(null).applyTo(before).stages()).isEmpty();
  }

  @Test
  void anUnknownStageListsThePipelinesStages() {
    assertThat(problems(stages(Map.of("per-minut", settings("parallelism", 2))))).containsExactly(
        "prod.yaml: stage 'per-minut' is not in pipeline 'kinds'; its stages: readings, every, sliding, session,"
            + " count, count-or-time, bytes");
  }

  @Test
  void anUnknownKeyListsTheKeysForThatStagesPolicy() {
    assertThat(problems(stages(Map.of("every", settings("batch", settings("sise", "2m")))))).containsExactly(
        "prod.yaml: stage 'every': unknown key 'batch.sise'; keys for Batch.every(PT1M) keyedBy sensorId"
            + " withGrace(PT10S): batch.size, batch.grace, parallelism, delivery, limits.maxRecordBytes");
    assertThat(problems(stages(Map.of("count", settings("batch", "2m"))))).containsExactly(
        "prod.yaml: stage 'count': batch must be a mapping, e.g. batch: {size: 2m}; keys for Batch.count(100)"
            + " keyedBy sensorId: batch.n, parallelism, delivery, limits.maxRecordBytes");
  }

  @Test
  void aKeyOfAnotherPolicyKindDoesNotApply() {
    assertThat(problems(stages(Map.of("every", settings("batch", settings("gap", "2m")))))).containsExactly(
        "prod.yaml: stage 'every': batch.gap does not apply to Batch.every(PT1M) keyedBy sensorId withGrace(PT10S);"
            + " keys for Batch.every(PT1M) keyedBy sensorId withGrace(PT10S): batch.size, batch.grace, parallelism,"
            + " delivery, limits.maxRecordBytes");
    assertThat(problems(stages(Map.of("readings", settings("batch", settings("n", 5)))))).singleElement()
        .asString().contains("batch.n does not apply to Batch.each()")
        .endsWith("keys for Batch.each() with a rate limit: parallelism, delivery, limits.maxRecordBytes,"
            + " limits.rate.permits, limits.rate.per");
  }

  @Test
  void graceDoesNotApplyInProcessingTimeNorARateLimitToAStageWithout() {
    assertThat(problems(stages(Map.of("session", settings("batch", settings("grace", "5s")),
        "count", settings("limits", settings("rate", settings("permits", 10)))))))
        .containsExactly(
            "prod.yaml: stage 'session': batch.grace does not apply to Batch.session(PT3M) inProcessingTime: grace is"
                + " for windows in event time; keys for Batch.session(PT3M) inProcessingTime: batch.gap, parallelism,"
                + " delivery, limits.maxRecordBytes",
            "prod.yaml: stage 'count': limits.rate.permits does not apply: the stage has no rate limit"
                + " (Accept.schema()); declare rateLimitPerKey(key, permits, per) in the definition, the key function"
                + " comes from there; keys for Batch.count(100) keyedBy sensorId: batch.n, parallelism, delivery,"
                + " limits.maxRecordBytes");
  }

  @Test
  void aValueThePolicyRefusesIsReportedWithTheFactorysReason() {
    assertThat(problems(stages(Map.of("every", settings("batch", settings("size", "0s")))))).containsExactly(
        "prod.yaml: stage 'every': batch.size=PT0S refused for Batch.every(PT1M) keyedBy sensorId withGrace(PT10S):"
            + " size must be a positive duration, got PT0S");
    assertThat(problems(stages(Map.of("sliding", settings("batch", settings("slide", "11m")))))).containsExactly(
        "prod.yaml: stage 'sliding': batch.slide=PT11M refused for Batch.sliding(PT10M, PT5M): slide must not exceed"
            + " size, got slide=PT11M size=PT10M");
    assertThat(problems(stages(Map.of("count", settings("batch", settings("n", 0), "parallelism", 0,
        "limits", settings("maxRecordBytes", -1)))))).containsExactly(
        "prod.yaml: stage 'count': batch.n=0 refused for Batch.count(100) keyedBy sensorId: n must be positive, got 0",
        "prod.yaml: stage 'count': limits.maxRecordBytes=-1 refused: maxRecordBytes must be positive, got -1",
        "prod.yaml: stage 'count': parallelism must be at least 1, got 0");
  }

  @Test
  void unreadableValuesSayWhatIsExpected() {
    assertThat(problems(stages(Map.of("count-or-time", settings("batch", settings("n", "lots", "maxWait", 60),
        "delivery", "twice", "parallelism", List.of(1, 2)))))).containsExactly(
        "prod.yaml: stage 'count-or-time': batch.n: 'lots' is not a whole number",
        "prod.yaml: stage 'count-or-time': batch.maxWait: '60' has no unit; write e.g. 30s, 2m, 500ms or PT2M",
        "prod.yaml: stage 'count-or-time': delivery: 'twice' is not a delivery; write exactly-once or at-least-once",
        "prod.yaml: stage 'count-or-time': parallelism needs one value, got [1, 2]");
  }

  @Test
  void everyProblemOfTheFileIsReportedTogether() {
    Map<String, Object> byStage = new LinkedHashMap<>();
    byStage.put("nope", settings("parallelism", 2));
    byStage.put("every", settings("batch", settings("gap", "1m", "size", "0s")));
    byStage.put("count", settings("colour", "red", "batch", settings("n", 10)));
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("version", 1);
    tree.put("stages", byStage);
    assertThatThrownBy(() -> file(tree).applyTo(pipeline())).isInstanceOf(OverridesException.class)
        .satisfies(e -> assertThat(((OverridesException) e).problems()).hasSize(5))
        .hasMessageStartingWith("Policy overrides for pipeline 'kinds' have 5 problems:\n"
            + "  - prod.yaml: unknown top-level key 'version'; an overrides file has one key, stages\n"
            + "  - prod.yaml: stage 'nope' is not in pipeline 'kinds'")
        .hasMessageContaining("stage 'every': batch.gap does not apply")
        .hasMessageContaining("stage 'every': batch.size=PT0S refused")
        .hasMessageContaining("stage 'count': unknown key 'colour'");
  }

  @Test
  void aFileOfAnotherShapeIsAProblem() {
    assertThat(problems(file(List.of("stages")))).containsExactly(
        "prod.yaml: must be a mapping with the key stages, got '[stages]'");
    assertThat(problems(file(Map.of("stages", "all")))).containsExactly(
        "prod.yaml: stages must be a mapping of stage names to settings, got 'all'");
    assertThat(problems(stages(Map.of("count", 3)))).containsExactly(
        "prod.yaml: stage 'count': settings must be a mapping (batch, parallelism, limits, delivery), got '3'");
  }

  @Test
  void theArgumentIsCanonicalAndReadsBack() {
    AppliedOverrides a = stages(Map.of("every", settings("delivery", "AT_LEAST_ONCE", "parallelism", 2,
        "batch", settings("grace", "30s", "size", "2m")))).applyTo(pipeline());
    AppliedOverrides b = stages(Map.of("every", settings("batch", settings("size", "PT120S", "grace", "30000ms"),
        "parallelism", "2", "delivery", "at-least-once"))).applyTo(pipeline());
    assertThat(a.of("every").argument()).isEqualTo("batch.size=PT2M,batch.grace=PT30S,parallelism=2,delivery=at-least-once");
    assertThat(b.of("every").argument()).isEqualTo(a.of("every").argument());
    StageOverrides read = StageOverrides.parse(a.of("every").argument());
    assertThat(read).isEqualTo(a.of("every"));
    StageSpec again = read.applyTo(pipeline().stage("every"), "kinds");
    assertThat(again.batch()).isEqualTo(a.graph().stage("every").batch());
    assertThat(again.parallelism()).isEqualTo(2);
    assertThat(again.delivery()).isEqualTo(Delivery.AT_LEAST_ONCE);
  }

  @Test
  void anArgumentWithAnUnknownKeyOrBadValueIsRefused() {
    assertThatThrownBy(() -> StageOverrides.parse("batch.sise=PT1M")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not an override 'batch.sise=PT1M' in 'batch.sise=PT1M'; keys: batch.size,");
    assertThatThrownBy(() -> StageOverrides.parse("batch.n=many")).hasMessage("batch.n: 'many' is not a whole number");
    assertThatThrownBy(() -> StageOverrides.parse("batch.n=0").applyTo(pipeline().stage("count"), "kinds"))
        .isInstanceOf(OverridesException.class).hasMessageContaining("--overrides: stage 'count': batch.n=0 refused");
    assertThat(StageOverrides.parse("").isEmpty()).isTrue();
  }
}
