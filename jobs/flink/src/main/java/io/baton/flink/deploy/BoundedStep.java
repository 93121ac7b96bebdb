package io.baton.flink.deploy;

import io.baton.connectors.OffsetRanges;
import io.baton.connectors.RunId;
import io.baton.flink.job.StageSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the stages of one group of a bounded run get: the run's id, stamped on their outputs and dead letters, and
 * for each stage the exact offset ranges of its handoff inputs (what the upstream stages wrote in this run). Inputs
 * from outside the pipeline have no range: they are read from the earliest offset to their end.
 *
 * <pre>{@code
 * List<String> args = step.jobArgs("per-minute");   // --run-id 2026...-3f9a01c2 --input-offsets sensor-story.readings:0:0-372
 * StageSettings settings = step.settings(base, "per-minute");
 * }</pre>
 *
 * @param run the bounded run
 * @param inputs the handoff ranges each stage of the group reads, by stage name
 */
public record BoundedStep(RunId run, Map<String, OffsetRanges> inputs) {

  public BoundedStep {
    inputs = Map.copyOf(inputs);
  }

  /** The ranges {@code stage} reads; none for a stage reading only outside topics. */
  public OffsetRanges inputsOf(String stage) {
    return inputs.getOrDefault(stage, OffsetRanges.none());
  }

  /** The job arguments that carry the run and {@code stage}'s ranges. */
  public List<String> jobArgs(String stage) {
    List<String> args = new ArrayList<>(List.of("--run-id", run.toString()));
    OffsetRanges ranges = inputsOf(stage);
    if (!ranges.isEmpty()) {
      args.addAll(List.of("--input-offsets", ranges.toString()));
    }
    return args;
  }

  /** {@code base} for a job of {@code stage} in this run. */
  public StageSettings settings(StageSettings base, String stage) {
    return base.bounded(true).run(run).inputRanges(inputsOf(stage));
  }
}
