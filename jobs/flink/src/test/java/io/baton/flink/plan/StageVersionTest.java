package io.baton.flink.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.schemas.sensor.Reading;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageVersionTest {
  private static final String DEFINITION = """
      package upg;
      import io.baton.api.*;
      import io.baton.api.batch.Batch;
      import io.baton.api.fn.Fn;
      import io.baton.schemas.sensor.*;
      import java.time.Duration;
      public final class Twice implements PipelineDefinition {
        public Pipeline define() {
          Pipeline p = Pipeline.named("twice");
          Stage<Reading> readings = p.source("readings",
              Topic.of("twice.in", Reading.class).eventTime(Reading::getTimestamp, Duration.ZERO));
          p.stage("totals", readings, Batch.every(Duration.ofMinutes(%d)).keyedBy(Reading::getSensorId),
              Fn.aggregate(Tally::empty, Tally::add, Tally::merge, Totals::result));
          p.stage("hot", readings, Batch.each(), Fn.filter(Hot::isHot));
          return p;
        }
      }
      """;
  private static final String TALLY = """
      package upg;
      import io.baton.schemas.sensor.Reading;
      public final class Tally implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final int count; final double sum;
        Tally(int count, double sum) { this.count = count; this.sum = sum; }
        static Tally empty() { return new Tally(0, 0); }
        Tally add(Reading r) { return new Tally(count + 1, sum + r.getCelsius()); }
        Tally merge(Tally o) { return new Tally(count + o.count, sum + o.sum); }
      }
      """;
  private static final String TOTALS = """
      package upg;
      import io.baton.api.fn.BatchWindow;
      import io.baton.schemas.sensor.Summary;
      public final class Totals {
        static Summary result(String sensor, BatchWindow w, Tally t) {
          return new Summary(sensor, w.start(), w.end(), t.count, %s, 0.0, t.sum / t.count);
        }
      }
      """;
  private static final String HOT = """
      package upg;
      public final class Hot {
        static boolean isHot(io.baton.schemas.sensor.Reading r) { return r.getCelsius() > 40; }
      }
      """;

  @TempDir
  Path dir;

  private Plan plan(String name, int windowMinutes, String totalsMarker) throws Exception {
    Path classes = SourceCompiler.compile(dir.resolve(name), Map.of("upg.Twice", DEFINITION.formatted(windowMinutes),
        "upg.Tally", TALLY, "upg.Totals", TOTALS.formatted(totalsMarker), "upg.Hot", HOT),
        Pipeline.class, Reading.class, org.apache.avro.Schema.class);
    try (URLClassLoader loader = SourceCompiler.loader(classes)) {
      return Planner.plan((PipelineDefinition) loader.loadClass("upg.Twice").getDeclaredConstructor().newInstance());
    }
  }

  private static Map<String, String> versions(Plan plan) {
    return plan.stages().stream().collect(Collectors.toMap(PlannedStage::name, PlannedStage::stageVersion));
  }

  @Test
  void theSameDefinitionBuiltTwiceHasTheSameVersions() throws Exception {
    Map<String, String> first = versions(plan("a", 1, "1.0"));
    Map<String, String> second = versions(plan("b", 1, "1.0"));
    assertThat(second).isEqualTo(first);
    assertThat(first.values()).allMatch(v -> v.matches("[0-9a-f]{12}")).doesNotHaveDuplicates();
  }

  @Test
  void changingTheBytecodeOfOneStagesFunctionChangesOnlyThatStagesVersion() throws Exception {
    Map<String, String> before = versions(plan("a", 1, "1.0"));
    Map<String, String> after = versions(plan("b", 1, "2.0"));
    assertThat(after.get("totals")).isNotEqualTo(before.get("totals"));
    assertThat(after.get("readings")).isEqualTo(before.get("readings"));
    assertThat(after.get("hot")).isEqualTo(before.get("hot"));
  }

  @Test
  void aNewFunctionKeepsTheStateShapeSoItsSavepointRestores() throws Exception {
    StateShape before = plan("a", 1, "1.0").stage("totals").stateShape();
    StateShape after = plan("b", 1, "2.0").stage("totals").stateShape();
    assertThat(before.differences(after)).isEmpty();
    assertThat(before.accumulator()).isEqualTo("upg.Tally");
    assertThat(before.uids()).containsExactly("source", "accept", "batch", "late", "handoff", "dead-letters");
  }

  @Test
  void aNewWindowSizeIsAStateDifferenceInWords() throws Exception {
    Plan before = plan("a", 1, "1.0");
    Plan after = plan("b", 2, "1.0");
    assertThat(before.stage("totals").stateShape().differences(after.stage("totals").stateShape()))
        .containsExactly("window size every(PT1M) → every(PT2M)");
    assertThat(after.stage("totals").stageVersion()).isNotEqualTo(before.stage("totals").stageVersion());
    assertThat(after.stage("hot").stageVersion()).isEqualTo(before.stage("hot").stageVersion());
  }

  @Test
  void theVersionIsInThePlanTextAndJson() throws Exception {
    Plan plan = plan("a", 1, "1.0");
    String version = plan.stage("totals").stageVersion();
    assertThat(PlanText.render(plan)).contains("    version    " + version);
    Plan back = PlanJson.parse(PlanJson.render(plan));
    assertThat(back.stage("totals").stageVersion()).isEqualTo(version);
    assertThat(back.stage("totals").stateShape()).isEqualTo(plan.stage("totals").stateShape());
  }
}
