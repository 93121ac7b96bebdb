package io.baton.flink.status;

import java.util.List;

/**
 * One line of {@code baton list}: a pipeline with jobs on the cluster, how many of its stages run, and its worst
 * job state ({@link JobStates#worst}).
 *
 * <pre>{@code
 * PipelineSummary.of("sensor-story", 2, 3, "FAILED");
 * }</pre>
 *
 * @param pipeline the pipeline, from its jobs' names ({@code <pipeline>/<stage>})
 * @param running stages whose latest job is {@code RUNNING}
 * @param stages stages with a job on the cluster
 * @param worstState the worst state among its stages' latest jobs
 */
public record PipelineSummary(String pipeline, int running, int stages, String worstState) {
  public PipelineSummary {
    if (running < 0 || running > stages) {
      throw new IllegalArgumentException("running must be in 0.." + stages + ", got " + running);
    }
  }

  public static PipelineSummary of(String pipeline, int running, int stages, String worstState) {
    return new PipelineSummary(pipeline, running, stages, worstState);
  }

  /** Summaries sorted by pipeline name. */
  static List<PipelineSummary> sorted(List<PipelineSummary> all) {
    return all.stream().sorted(java.util.Comparator.comparing(PipelineSummary::pipeline)).toList();
  }
}
