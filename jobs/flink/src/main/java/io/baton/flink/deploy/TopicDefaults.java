package io.baton.flink.deploy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How Baton creates the topics a pipeline writes: partitions (where a stage declares none), replication factor and
 * topic configs. Unset partitions or replication factor leave the choice to the broker's defaults
 * ({@code num.partitions}, {@code default.replication.factor}).
 *
 * <pre>{@code
 * TopicDefaults defaults = TopicDefaults.builder().partitions(6).replicationFactor(3)
 *     .config("min.insync.replicas", "2").build();
 * TopicDefaults.brokerDefaults();   // the broker decides
 * }</pre>
 */
public final class TopicDefaults {
  private static final TopicDefaults BROKER = new TopicDefaults(null, null, Map.of());

  private final Integer partitions;
  private final Short replicationFactor;
  private final Map<String, String> configs;

  private TopicDefaults(Integer partitions, Short replicationFactor, Map<String, String> configs) {
    this.partitions = partitions;
    this.replicationFactor = replicationFactor;
    this.configs = Collections.unmodifiableMap(new TreeMap<>(configs));
  }

  /** Partitions and replication factor from the broker's defaults, no topic configs. */
  public static TopicDefaults brokerDefaults() {
    return BROKER;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Partitions of a topic whose stage declares none; empty: the broker's {@code num.partitions}. */
  public Optional<Integer> partitions() {
    return Optional.ofNullable(partitions);
  }

  /** Replication factor; empty: the broker's {@code default.replication.factor}. */
  public Optional<Short> replicationFactor() {
    return Optional.ofNullable(replicationFactor);
  }

  /** Topic configs, e.g. {@code min.insync.replicas} (read-only, sorted). */
  public Map<String, String> configs() {
    return configs;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TopicDefaults t && Objects.equals(partitions, t.partitions)
        && Objects.equals(replicationFactor, t.replicationFactor) && configs.equals(t.configs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(partitions, replicationFactor, configs);
  }

  /** The expression that builds these defaults. */
  @Override
  public String toString() {
    if (this.equals(BROKER)) {
      return "TopicDefaults.brokerDefaults()";
    }
    StringBuilder sb = new StringBuilder("TopicDefaults.builder()");
    if (partitions != null) {
      sb.append(".partitions(").append(partitions).append(')');
    }
    if (replicationFactor != null) {
      sb.append(".replicationFactor(").append(replicationFactor).append(')');
    }
    configs.forEach((k, v) -> sb.append(".config(\"").append(k).append("\", \"").append(v).append("\")"));
    return sb.append(".build()").toString();
  }

  /** Collects the defaults; {@link #build()} reports every invalid one together. */
  public static final class Builder {
    private Integer partitions;
    private Integer replicationFactor;
    private final Map<String, String> configs = new TreeMap<>();

    private Builder() {}

    public Builder partitions(int partitions) {
      this.partitions = partitions;
      return this;
    }

    public Builder replicationFactor(int replicationFactor) {
      this.replicationFactor = replicationFactor;
      return this;
    }

    public Builder config(String key, String value) {
      configs.put(key, value);
      return this;
    }

    public Builder configs(Map<String, String> more) {
      configs.putAll(more);
      return this;
    }

    /** The defaults; throws naming every problem. */
    public TopicDefaults build() {
      List<String> problems = new ArrayList<>();
      if (partitions != null && partitions < 1) {
        problems.add("partitions must be at least 1, got " + partitions);
      }
      if (replicationFactor != null && (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE)) {
        problems.add("replicationFactor must be between 1 and " + Short.MAX_VALUE + ", got " + replicationFactor);
      }
      configs.forEach((k, v) -> {
        if (k == null || k.isBlank() || v == null) {
          problems.add("topic config '" + k + "' needs a non-blank key and a value, got '" + v + "'");
        }
      });
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("invalid TopicDefaults: " + String.join("; ", problems));
      }
      return new TopicDefaults(partitions, replicationFactor == null ? null : replicationFactor.shortValue(), configs);
    }
  }
}
