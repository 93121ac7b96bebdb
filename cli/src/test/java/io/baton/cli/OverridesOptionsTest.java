package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.stack.RepoRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --overrides <file>} on {@code plan} and {@code run}, on the example job jar, without a running stack. */
class OverridesOptionsTest {

  @TempDir
  Path dir;

  private Path file(String yaml) throws Exception {
    return Files.writeString(dir.resolve("prod.yaml"), yaml);
  }

  @Test
  void planShowsTheEffectivePoliciesOfTheFile() throws Exception {
    Path prod = file("""
        stages:
          per-minute:
            batch: { size: 2m, grace: 30s }     # Batch.every(size) withGrace(grace)
            parallelism: 2
            limits: { maxRecordBytes: 65536 }
            delivery: at-least-once
        """);
    CliRun plan = CliRun.of("plan", "sensor-story", "--overrides", prod.toString());
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out())
        .contains("  per-minute  (stage, job 'sensor-story/per-minute', parallelism 2, at-least-once)\n")
        .contains("    batch      Batch.every(PT2M) keyedBy sensorId withGrace(PT30S)\n")
        .contains("    accept     Accept.schema().maxRecordBytes(65536)\n")
        .contains("    overrides  batch.size=PT2M, batch.grace=PT30S, parallelism=2, delivery=at-least-once,"
            + " limits.maxRecordBytes=65536\n")
        .contains("  alerts  (stage, job 'sensor-story/alerts', parallelism 1, exactly-once)\n");
    CliRun json = CliRun.of("plan", "sensor-story", "--json", "--overrides", prod.toString());
    assertThat(json.out()).contains("\"batch\" : \"Batch.every(PT2M) keyedBy sensorId withGrace(PT30S)\"",
        "\"--overrides\", \"batch.size=PT2M,batch.grace=PT30S,parallelism=2,delivery=at-least-once,limits.maxRecordBytes=65536\"");
  }

  @Test
  void everyProblemOfTheFileIsListedWithWhatIsValid() throws Exception {
    Path prod = file("""
        stages:
          per-minut: { parallelism: 2 }
          per-minute:
            batch: { n: 500, size: 0s }
          alerts:
            colour: red
        """);
    CliRun plan = CliRun.of("plan", "sensor-story", "--overrides", prod.toString());
    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.err()).isEqualTo("baton: Policy overrides for pipeline 'sensor-story' have 4 problems:\n"
        + "  - " + prod + ": stage 'per-minut' is not in pipeline 'sensor-story'; its stages: readings, per-minute, alerts\n"
        + "  - " + prod + ": stage 'per-minute': batch.n does not apply to Batch.every(PT1M) keyedBy sensorId"
        + " withGrace(PT10S); keys for Batch.every(PT1M) keyedBy sensorId withGrace(PT10S): batch.size, batch.grace,"
        + " parallelism, delivery, limits.maxRecordBytes\n"
        + "  - " + prod + ": stage 'per-minute': batch.size=PT0S refused for Batch.every(PT1M) keyedBy sensorId"
        + " withGrace(PT10S): size must be a positive duration, got PT0S\n"
        + "  - " + prod + ": stage 'alerts': unknown key 'colour'; keys for Batch.each(): parallelism, delivery,"
        + " limits.maxRecordBytes\n");
  }

  @Test
  void runChecksTheOverridesBeforeItLooksForServers() throws Exception {
    Path prod = file("stages: {alerts: {batch: {n: 5}}}\n");
    CliRun run = CliRun.of("run", "sensor-story", "--overrides", prod.toString(), "--home", dir.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(prod + ": stage 'alerts': batch.n does not apply to Batch.each()")
        .doesNotContain("./baton up");
  }

  @Test
  void aMissingFileOrOneThatIsNotYamlIsOneLine() throws Exception {
    CliRun missing = CliRun.of("plan", "sensor-story", "--overrides", dir.resolve("nope.yaml").toString());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("baton: overrides file " + dir.resolve("nope.yaml") + " does not exist\n");
    Path broken = file("stages: {per-minute: [\n");
    CliRun notYaml = CliRun.of("plan", "sensor-story", "--overrides", broken.toString());
    assertThat(notYaml.exitCode()).isEqualTo(1);
    assertThat(notYaml.err()).startsWith("baton: overrides file " + broken + " is not YAML: ").hasLineCount(1);
  }

  @Test
  void anEmptyFileChangesNothing() throws Exception {
    Path empty = file("# nothing yet\n");
    assertThat(CliRun.of("plan", "sensor-story", "--overrides", empty.toString()).out())
        .isEqualTo(CliRun.of("plan", "sensor-story").out());
  }

  @Test
  void theReadmesExampleAppliesToTheSensorStory() throws Exception {
    String readme = Files.readString(RepoRoot.locate().resolve("README.md"));
    int at = readme.indexOf("### Policy overrides");
    int from = readme.indexOf("```yaml\n", at) + "```yaml\n".length();
    Path example = file(readme.substring(from, readme.indexOf("```", from)));
    CliRun plan = CliRun.of("plan", "sensor-story", "--overrides", example.toString());
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("    batch      Batch.every(PT2M) keyedBy sensorId withGrace(PT30S)\n",
        "    accept     Accept.schema().rule(\"celsius in physical range\").maxRecordBytes(32768)"
            + ".rateLimitPerKey(sensorId, 500, PT1S)\n");
  }
}
