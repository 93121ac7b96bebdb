package io.baton.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything needed to run the local stack: the checkout with the built server classpaths, the state folder,
 * the ports and a few sizes.
 *
 * <pre>{@code
 * StackConfig config = StackConfig.builder()
 *     .repo(RepoRoot.locate())
 *     .ports(Ports.defaults().withKafka(19092))
 *     .build();                                  // home defaults to <repo>/.baton
 * }</pre>
 */
public final class StackConfig {
  public static final int DEFAULT_TASK_SLOTS = 8;

  private final Path repo;
  private final StackLayout layout;
  private final Ports ports;
  private final int taskSlots;
  private final Duration startTimeout;
  private final Duration stopTimeout;
  private final Path java;

  private StackConfig(Builder b) {
    this.repo = b.repo.toAbsolutePath().normalize();
    this.layout = StackLayout.at(b.home != null ? b.home : repo.resolve(".baton"));
    this.ports = b.ports;
    this.taskSlots = b.taskSlots;
    this.startTimeout = b.startTimeout;
    this.stopTimeout = b.stopTimeout;
    this.java = b.java;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Path repo() {
    return repo;
  }

  public StackLayout layout() {
    return layout;
  }

  public Path home() {
    return layout.home();
  }

  public Ports ports() {
    return ports;
  }

  public int taskSlots() {
    return taskSlots;
  }

  public Duration startTimeout() {
    return startTimeout;
  }

  public Duration stopTimeout() {
    return stopTimeout;
  }

  /** The {@code java} executable every server runs on (the one running this code, by default). */
  public Path java() {
    return java;
  }

  /** Kafka broker classpath copied by stack/kafka-runtime. */
  public Path kafkaLib() {
    return repo.resolve("stack/kafka-runtime/target/lib");
  }

  /** Flink session cluster classpath copied by stack/flink-runtime. */
  public Path flinkLib() {
    return repo.resolve("stack/flink-runtime/target/lib");
  }

  /** Apicurio Registry distribution unpacked by stack/registry-runtime. */
  public Path registryDist() {
    return repo.resolve("stack/registry-runtime/target/registry");
  }

  /** The same config with other ports (used when the stack recorded the ports it runs on). */
  public StackConfig withPorts(Ports other) {
    return toBuilder().ports(other).build();
  }

  private Builder toBuilder() {
    return builder().repo(repo).home(layout.home()).ports(ports).taskSlots(taskSlots)
        .startTimeout(startTimeout).stopTimeout(stopTimeout).java(java);
  }

  @Override
  public String toString() {
    return "StackConfig[repo=" + repo + ", home=" + layout.home() + ", " + ports + ", taskSlots=" + taskSlots + "]";
  }

  /** Builds a {@link StackConfig}; only {@link #repo(Path)} is required. */
  public static final class Builder {
    private Path repo;
    private Path home;
    private Ports ports = Ports.defaults();
    private int taskSlots = DEFAULT_TASK_SLOTS;
    private Duration startTimeout = Duration.ofSeconds(180);
    private Duration stopTimeout = Duration.ofSeconds(30);
    private Path java = Path.of(System.getProperty("java.home"), "bin", "java");

    private Builder() {}

    public Builder repo(Path repo) {
      this.repo = repo;
      return this;
    }

    /** State folder; default {@code <repo>/.baton}. */
    public Builder home(Path home) {
      this.home = home;
      return this;
    }

    public Builder ports(Ports ports) {
      this.ports = ports;
      return this;
    }

    public Builder taskSlots(int taskSlots) {
      this.taskSlots = taskSlots;
      return this;
    }

    public Builder startTimeout(Duration startTimeout) {
      this.startTimeout = startTimeout;
      return this;
    }

    public Builder stopTimeout(Duration stopTimeout) {
      this.stopTimeout = stopTimeout;
      return this;
    }

    public Builder java(Path java) {
      this.java = java;
      return this;
    }

    /** Checks every field and reports all problems together. */
    public StackConfig build() {
      List<String> problems = new ArrayList<>();
      if (repo == null) {
        problems.add("repo(Path) was not called");
      }
      if (ports == null) {
        problems.add("ports must not be null");
      }
      if (taskSlots < 1) {
        problems.add("taskSlots must be at least 1 but was " + taskSlots);
      }
      if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
        problems.add("startTimeout must be positive but was " + startTimeout);
      }
      if (stopTimeout == null || stopTimeout.isNegative() || stopTimeout.isZero()) {
        problems.add("stopTimeout must be positive but was " + stopTimeout);
      }
      if (java == null) {
        problems.add("java must not be null");
      }
      if (!problems.isEmpty()) {
        throw new IllegalStateException("invalid StackConfig: " + String.join("; ", problems));
      }
      return new StackConfig(this);
    }
  }
}
