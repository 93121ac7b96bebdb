package io.baton.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.baton.api.PipelineDefinition;
import io.baton.api.overrides.OverridesException;
import io.baton.api.overrides.PolicyOverrides;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.Planner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --overrides <file>}: a YAML file of per-stage policy overrides (batch sizes and durations, grace,
 * parallelism, limits, delivery) applied to the pipeline before it is planned, for the commands that plan it
 * ({@code plan}, {@code run}, and {@code deploy}). Every problem of the file is reported at once.
 *
 * <pre>{@code
 * @Mixin OverridesOptions overrides;
 * Plan plan = overrides.plan(jobJar.definition(pipeline));
 * }</pre>
 */
final class OverridesOptions {
  @Option(names = "--overrides", paramLabel = "<file>",
      description = "YAML file of per-stage policy overrides: batch sizes and durations, grace, parallelism, limits, delivery (see README, Policy overrides).")
  Path file;

  /** The plan of {@code definition} with the file's overrides (without {@code --overrides}: as defined). */
  Plan plan(PipelineDefinition definition) {
    PolicyOverrides overrides = read();
    try {
      return Planner.plan(definition, overrides);
    } catch (OverridesException e) {
      throw new CliException(e.getMessage(), e);
    }
  }

  /** What the file says, not yet checked against a pipeline; none without {@code --overrides}. */
  PolicyOverrides read() {
    return file == null ? PolicyOverrides.none() : read(file);
  }

  /** The overrides {@code file} holds; a missing file or one that is not YAML is a one-line error. */
  static PolicyOverrides read(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      YAMLMapper yaml = new YAMLMapper();
      JsonNode document = yaml.readTree(text);
      boolean empty = document == null || document.isMissingNode() || document.isNull();
      return PolicyOverrides.fromTree(file.toString(), empty ? null : yaml.treeToValue(document, Object.class));
    } catch (NoSuchFileException e) {
      throw new CliException("overrides file " + file + " does not exist");
    } catch (JsonProcessingException e) {
      throw new CliException("overrides file " + file + " is not YAML: "
          + e.getOriginalMessage().lines().findFirst().orElse("") + " (line " + e.getLocation().getLineNr() + ")", e);
    } catch (IOException e) {
      throw new CliException("cannot read overrides file " + file + ": " + e.getMessage(), e);
    }
  }
}
