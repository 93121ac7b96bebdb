package io.baton.api.internal;

import io.baton.api.Pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A validated pipeline: its stages in dependency order. Built by {@link Pipeline#build()}.
 *
 * <pre>{@code
 * PipelineGraph graph = new SensorStory().define().build();
 * graph.levels();   // [[readings], [per-minute], [alerts]]
 * }</pre>
 */
public record PipelineGraph(String name, List<StageSpec> stages) {

  public PipelineGraph {
    stages = List.copyOf(stages);
  }

  /** The stage of that name. */
  public StageSpec stage(String stageName) {
    return stages.stream().filter(s -> s.name().equals(stageName)).findFirst()
        .orElseThrow(() -> new NoSuchElementException(
            "pipeline '" + name + "' has no stage '" + stageName + "'; it has " + stageNames()));
  }

  public List<String> stageNames() {
    return stages.stream().map(StageSpec::name).toList();
  }

  /** The stages that read a stage's output. */
  public List<StageSpec> consumersOf(String stageName) {
    return stages.stream().filter(s -> s.inputs().contains(stageName)).toList();
  }

  /**
   * Stages grouped by depth: a group's stages depend only on earlier groups, so they can run at
   * the same time (in a bounded run, group after group; streaming, all at once).
   */
  public List<List<String>> levels() {
    Map<String, Integer> depth = new HashMap<>();
    List<List<String>> levels = new ArrayList<>();
    for (StageSpec s : stages) {
      int d = s.inputs().stream().mapToInt(i -> depth.get(i) + 1).max().orElse(0);
      depth.put(s.name(), d);
      while (levels.size() <= d) {
        levels.add(new ArrayList<>());
      }
      levels.get(d).add(s.name());
    }
    return levels.stream().map(List::copyOf).toList();
  }
}
