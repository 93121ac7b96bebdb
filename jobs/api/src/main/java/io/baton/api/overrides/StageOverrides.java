package io.baton.api.overrides;

import io.baton.api.Delivery;
import io.baton.api.accept.Accept;
import io.baton.api.batch.Batch;
import io.baton.api.internal.StageSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One stage's overridden settings, each read into its value (a duration, a number, a delivery). Immutable.
 * Its canonical form, {@link #argument()}, is what a stage job gets as {@code --overrides}: keys in a fixed
 * order, durations in ISO-8601, so equal overrides give equal arguments (and equal stage versions).
 *
 * <pre>{@code
 * StageOverrides o = StageOverrides.parse("batch.size=PT2M,parallelism=2");
 * StageSpec effective = o.applyTo(graph.stage("per-minute"));   // Batch.every(PT2M) keyedBy sensorId, parallelism 2
 * }</pre>
 */
public final class StageOverrides {
  private static final StageOverrides NONE = new StageOverrides(new EnumMap<>(OverrideKey.class));

  private final Map<OverrideKey, Object> values;

  private StageOverrides(EnumMap<OverrideKey, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** No override. */
  public static StageOverrides none() {
    return NONE;
  }

  /**
   * The overrides a canonical {@link #argument()} names, e.g. {@code batch.n=500,delivery=at-least-once};
   * an unknown key or a value of the wrong kind is an IllegalArgumentException.
   */
  public static StageOverrides parse(String argument) {
    EnumMap<OverrideKey, Object> values = new EnumMap<>(OverrideKey.class);
    if (argument.isBlank()) {
      return NONE;
    }
    for (String part : argument.split(",")) {
      int eq = part.indexOf('=');
      OverrideKey key = OverrideKey.of(eq < 0 ? part : part.substring(0, eq)).orElseThrow(() ->
          new IllegalArgumentException("not an override '" + part + "' in '" + argument + "'; keys: " + keys(Set.of(OverrideKey.values()))));
      if (eq < 0) {
        throw new IllegalArgumentException("override '" + part + "' has no value; write " + key + "=<value>");
      }
      values.put(key, read(key, part.substring(eq + 1)));
    }
    return new StageOverrides(values);
  }

  /** These overrides and {@code key} set to {@code raw} (read as the key's kind says). */
  StageOverrides with(OverrideKey key, Object raw) {
    EnumMap<OverrideKey, Object> more = values.isEmpty() ? new EnumMap<>(OverrideKey.class) : new EnumMap<>(values);
    more.put(key, read(key, raw));
    return new StageOverrides(more);
  }

  private static Object read(OverrideKey key, Object raw) {
    try {
      return key.value().read(raw);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
    }
  }

  /** The overridden keys and their values, in key order. */
  public Map<OverrideKey, Object> values() {
    return values;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The canonical form: {@code batch.size=PT2M,batch.grace=PT30S,parallelism=2}; empty when nothing is overridden. */
  public String argument() {
    return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getKey().value().write(e.getValue()))
        .collect(Collectors.joining(","));
  }

  /** {@code spec} with these overrides, or an {@link OverridesException} naming every problem. */
  public StageSpec applyTo(StageSpec spec, String pipeline) {
    List<String> problems = new ArrayList<>();
    StageSpec effective = applyTo(spec, "--overrides", problems);
    if (!problems.isEmpty()) {
      throw new OverridesException(pipeline, problems);
    }
    return effective;
  }

  /**
   * {@code spec} with these overrides; a key that does not apply, or a value its policy refuses, is added to
   * {@code problems} (each starting with {@code where}) and leaves that part as it was.
   */
  StageSpec applyTo(StageSpec spec, String where, List<String> problems) {
    String at = where + ": stage '" + spec.name() + "': ";
    Set<OverrideKey> applicable = PolicyRebuild.applicable(spec);
    EnumMap<OverrideKey, Object> fit = new EnumMap<>(OverrideKey.class);
    values.forEach((k, v) -> {
      if (applicable.contains(k)) {
        fit.put(k, v);
      } else {
        problems.add(at + PolicyRebuild.whyNot(k, spec) + "; " + keysFor(spec));
      }
    });
    Batch batch = spec.batch();
    if (fit.keySet().stream().anyMatch(OverrideKey::batch)) {
      try {
        batch = PolicyRebuild.batch(spec.batch(), fit);
      } catch (IllegalArgumentException | IllegalStateException e) {
        problems.add(at + PolicyRebuild.batchPart(fit) + " refused for " + spec.batch() + ": " + e.getMessage());
      }
    }
    Accept<?> accept = spec.accept();
    try {
      accept = PolicyRebuild.accept(spec.accept(), fit);
    } catch (IllegalArgumentException | IllegalStateException e) {
      problems.add(at + limitsPart(fit) + " refused: " + e.getMessage());
    }
    int parallelism = spec.parallelism();
    if (fit.containsKey(OverrideKey.PARALLELISM)) {
      long n = (Long) fit.get(OverrideKey.PARALLELISM);
      if (n < 1 || n > Integer.MAX_VALUE) {
        problems.add(at + "parallelism must be at least 1, got " + n);
      } else {
        parallelism = (int) n;
      }
    }
    Delivery delivery = (Delivery) fit.getOrDefault(OverrideKey.DELIVERY, spec.delivery());
    return spec.withPolicies(batch, accept, parallelism, delivery);
  }

  /** {@code keys for Batch.every(PT1M): batch.size, batch.grace, parallelism, ...}. */
  static String keysFor(StageSpec spec) {
    return "keys for " + spec.batch() + (spec.accept().rateLimit().isPresent() ? " with a rate limit" : "") + ": "
        + keys(PolicyRebuild.applicable(spec));
  }

  private static String keys(Set<OverrideKey> keys) {
    return keys.stream().sorted().map(OverrideKey::path).collect(Collectors.joining(", "));
  }

  private static String limitsPart(Map<OverrideKey, Object> values) {
    return values.entrySet().stream().filter(e -> e.getKey().path().startsWith("limits."))
        .map(e -> e.getKey() + "=" + e.getKey().value().write(e.getValue())).collect(Collectors.joining(", "));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StageOverrides s && values.equals(s.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(values);
  }

  /** The canonical form, {@link #argument()}. */
  @Override
  public String toString() {
    return argument();
  }
}
