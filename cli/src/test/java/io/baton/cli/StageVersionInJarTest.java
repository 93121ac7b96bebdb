package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import io.baton.flink.plan.Planner;
import io.baton.stack.RepoRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stage versions count the class bytes in the job jar, even for classes the CLI's own classpath holds too. */
class StageVersionInJarTest {
  @TempDir
  Path dir;

  private static Map<String, String> versions(Path jar) throws Exception {
    try (JobJar jobJar = JobJar.open(jar)) {
      Plan plan = Planner.plan(jobJar.definition("sensor-story"));
      return plan.stages().stream().collect(Collectors.toMap(PlannedStage::name, PlannedStage::stageVersion));
    }
  }

  @Test
  void aClassChangedInTheJobJarChangesOnlyTheVersionOfTheStageWhoseFunctionItHolds() throws Exception {
    String alerts = Files.readString(RepoRoot.locate()
        .resolve("jobs/examples/src/main/java/io/baton/examples/sensor/Alerts.java"));
    String changed = alerts.substring(0, alerts.lastIndexOf('}')) + "  static int changed() { return 2; }\n}\n";
    Path jar = PipelineVariants.examplesWith(dir, Map.of("io.baton.examples.sensor.Alerts", changed), null);

    Map<String, String> before = versions(JobJar.defaultJar());
    Map<String, String> after = versions(jar);

    assertThat(after.get("alerts")).isNotEqualTo(before.get("alerts"));
    assertThat(after.get("readings")).isEqualTo(before.get("readings"));
    assertThat(after.get("per-minute")).isEqualTo(before.get("per-minute"));
    assertThat(versions(JobJar.defaultJar())).isEqualTo(before);
  }
}
