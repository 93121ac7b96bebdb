package io.baton.api.overrides;

import io.baton.api.internal.PipelineGraph;
import io.baton.api.internal.StageSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Per-stage changes to a pipeline's policies for one environment, as an overrides file writes them, without
 * recompiling: batch sizes and durations, grace, parallelism, size and rate limits, delivery. Immutable.
 * Nothing is checked until {@link #applyTo}, which checks the file against the pipeline and reports every problem
 * at once: an unknown stage or key, a key that does not fit the stage's policy, a value the policy refuses.
 *
 * <pre>{@code
 * // stages:
 * //   per-minute:
 * //     batch: {size: 2m, grace: 30s}
 * //     parallelism: 2
 * //     limits: {maxRecordBytes: 65536}
 * //     delivery: at-least-once
 * PolicyOverrides overrides = PolicyOverrides.fromTree("prod.yaml", yamlTree);
 * PipelineGraph effective = overrides.applyTo(graph).graph();
 * }</pre>
 */
public final class PolicyOverrides {
  /** Groups of keys: a scalar there is a mapping written as a value. */
  private static final Set<String> GROUPS = Set.of("batch", "limits", "limits.rate");
  private static final PolicyOverrides NONE = new PolicyOverrides("(none)", Map.of(), List.of());

  private final String source;
  private final Map<String, Map<String, Object>> stages;
  private final List<String> fileProblems;

  private PolicyOverrides(String source, Map<String, Map<String, Object>> stages, List<String> fileProblems) {
    this.source = source;
    Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
    stages.forEach((stage, settings) -> copy.put(stage, Collections.unmodifiableMap(new LinkedHashMap<>(settings))));
    this.stages = Collections.unmodifiableMap(copy);
    this.fileProblems = List.copyOf(fileProblems);
  }

  /** No overrides: every policy as the definition wrote it. */
  public static PolicyOverrides none() {
    return NONE;
  }

  /**
   * The overrides {@code source} (a file's name, shown in problems) holds: settings by stage, each a dotted key
   * ({@code batch.size}) and its value as written ({@code "2m"}, {@code 500}).
   */
  public static PolicyOverrides of(String source, Map<String, ? extends Map<String, ?>> stages) {
    Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
    stages.forEach((stage, settings) -> copy.put(stage, new LinkedHashMap<>(settings)));
    return new PolicyOverrides(source, copy, List.of());
  }

  /**
   * The overrides a parsed YAML or JSON document holds ({@code Map}s, lists and scalars): a mapping with one key,
   * {@code stages}, of stage names to their settings. A document of another shape is kept as a problem,
   * reported with the others by {@link #applyTo}; an empty document overrides nothing.
   */
  public static PolicyOverrides fromTree(String source, Object tree) {
    List<String> problems = new ArrayList<>();
    Map<String, Map<String, Object>> stages = new LinkedHashMap<>();
    if (tree instanceof Map<?, ?> top) {
      top.forEach((key, value) -> {
        if (!"stages".equals(String.valueOf(key))) {
          problems.add(source + ": unknown top-level key '" + key + "'; an overrides file has one key, stages");
        } else if (value instanceof Map<?, ?> byStage) {
          byStage.forEach((stage, settings) -> stages.put(String.valueOf(stage), flatten(source, stage, settings, problems)));
        } else if (value != null) {
          problems.add(source + ": stages must be a mapping of stage names to settings, got '" + value + "'");
        }
      });
    } else if (tree != null) {
      problems.add(source + ": must be a mapping with the key stages, got '" + tree + "'");
    }
    return new PolicyOverrides(source, stages, problems);
  }

  private static Map<String, Object> flatten(String source, Object stage, Object settings, List<String> problems) {
    Map<String, Object> flat = new LinkedHashMap<>();
    if (settings instanceof Map<?, ?> map) {
      flatten("", map, flat);
    } else if (settings != null) {
      problems.add(source + ": stage '" + stage + "': settings must be a mapping (batch, parallelism, limits,"
          + " delivery), got '" + settings + "'");
    }
    return flat;
  }

  private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> flat) {
    map.forEach((key, value) -> {
      String path = prefix + key;
      if (value instanceof Map<?, ?> nested) {
        flatten(path + ".", nested, flat);
      } else if (value instanceof List<?> list) {
        flat.put(path, Collections.unmodifiableList(new ArrayList<>(list))); // kept to be reported, never applied
      } else {
        flat.put(path, value);
      }
    });
  }

  /** Where these overrides come from, e.g. the file's name. */
  public String source() {
    return source;
  }

  /** The stages the overrides name, in file order. */
  public Set<String> stages() {
    return stages.keySet();
  }

  /** A stage's settings as written: dotted key to value. */
  public Map<String, Object> settings(String stage) {
    return stages.getOrDefault(stage, Map.of());
  }

  public boolean isEmpty() {
    return stages.values().stream().allMatch(Map::isEmpty) && fileProblems.isEmpty();
  }

  /**
   * The pipeline with these overrides applied, each policy rebuilt through its factory; or an
   * {@link OverridesException} with every problem, each naming the source, the stage and what is valid there.
   */
  public AppliedOverrides applyTo(PipelineGraph graph) {
    List<String> problems = new ArrayList<>(fileProblems);
    Map<String, StageOverrides> byStage = new LinkedHashMap<>();
    List<StageSpec> effective = new ArrayList<>();
    for (String stage : stages.keySet()) {
      if (!graph.stageNames().contains(stage)) {
        problems.add(source + ": stage '" + stage + "' is not in pipeline '" + graph.name() + "'; its stages: "
            + String.join(", ", graph.stageNames()));
      }
    }
    for (StageSpec spec : graph.stages()) {
      StageOverrides overrides = read(spec, problems);
      if (!overrides.isEmpty()) {
        byStage.put(spec.name(), overrides);
      }
      effective.add(overrides.isEmpty() ? spec : overrides.applyTo(spec, source, problems));
    }
    if (!problems.isEmpty()) {
      throw new OverridesException(graph.name(), problems);
    }
    return new AppliedOverrides(new PipelineGraph(graph.name(), effective), byStage);
  }

  /** The stage's settings read into values; an unknown key or an unreadable value is added to problems instead. */
  private StageOverrides read(StageSpec spec, List<String> problems) {
    String at = source + ": stage '" + spec.name() + "': ";
    StageOverrides read = StageOverrides.none();
    for (Map.Entry<String, Object> e : settings(spec.name()).entrySet()) {
      Optional<OverrideKey> key = OverrideKey.of(e.getKey());
      if (key.isEmpty()) {
        String what = GROUPS.contains(e.getKey()) ? e.getKey() + " must be a mapping, e.g. " + example(e.getKey())
            : "unknown key '" + e.getKey() + "'";
        problems.add(at + what + "; " + StageOverrides.keysFor(spec));
      } else if (e.getValue() instanceof List<?> || e.getValue() == null) {
        problems.add(at + e.getKey() + " needs one value, got " + e.getValue());
      } else {
        try {
          read = read.with(key.get(), e.getValue());
        } catch (IllegalArgumentException bad) {
          problems.add(at + bad.getMessage());
        }
      }
    }
    return read;
  }

  private static String example(String group) {
    return switch (group) {
      case "batch" -> "batch: {size: 2m}";
      case "limits" -> "limits: {maxRecordBytes: 65536}";
      default -> "limits: {rate: {permits: 500, per: 1s}}";
    };
  }

  /** {@code PolicyOverrides(prod.yaml: per-minute {batch.size=2m, parallelism=2})}, as written. */
  @Override
  public String toString() {
    return "PolicyOverrides(" + source + (stages.isEmpty() ? "" : ": ") + String.join("; ",
        stages.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()) + ")";
  }
}
