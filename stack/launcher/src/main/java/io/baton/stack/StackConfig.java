package io.baton.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything needed to run the local stack: the checkout or distribution with the server classpaths
 * ({@link ServerLibs}), the state folder, the ports and a few sizes.
 *
 * <pre>{@code
 * StackConfig config = StackConfig.builder()
 *     .repo(RepoRoot.locate())
 *     .ports(Ports.defaults().withKafka(19092))
 *     .secure(true)                              // SASL/SCRAM and ACLs, on a fresh state folder
 *     .build();                                  // home defaults to <repo>/.baton
 * }</pre>
 *
 * <p>{@code repo} may be a checkout or a distribution; {@code libs(ServerLibs)} names the classpaths directly.
 */
public final class StackConfig {
  public static final int DEFAULT_TASK_SLOTS = 8;
  /** Flink's own default for its Prometheus reporter; the TaskManager's is the next port. */
  public static final int DEFAULT_PROMETHEUS_PORT = 9249;

  private final ServerLibs libs;
  private final StackLayout layout;
  private final Ports ports;
  private final int taskSlots;
  private final int prometheusPort;
  private final Duration startTimeout;
  private final Duration stopTimeout;
  private final Path java;
  private final boolean secure;

  private StackConfig(Builder b) {
    this.libs = b.libs != null ? b.libs : ServerLibs.of(b.repo);
    this.layout = StackLayout.at(b.home != null ? b.home : libs.root().resolve(".baton"));
    this.ports = b.ports;
    this.taskSlots = b.taskSlots;
    this.prometheusPort = b.prometheusPort;
    this.startTimeout = b.startTimeout;
    this.stopTimeout = b.stopTimeout;
    this.java = b.java;
    this.secure = b.secure;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The checkout or distribution the server classpaths come from. */
  public Path repo() {
    return libs.root();
  }

  public ServerLibs libs() {
    return libs;
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

  /** How many Kafka brokers the stack runs: as many as its ports name ({@link Ports#withBrokers(int)}). */
  public int brokers() {
    return ports.brokers();
  }

  /** The JobManager's Prometheus reporter port; the TaskManager's is the next one ({@link FlinkSessionCluster}). */
  public int prometheusPort() {
    return prometheusPort;
  }

  /** The same config with other Prometheus ports ({@code port} and {@code port + 1}). */
  public StackConfig withPrometheusPort(int port) {
    return toBuilder().prometheusPort(port).build();
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

  /**
   * Whether {@code up} asks for a secure Kafka ({@link KafkaSecurity#SCRAM}). It counts only while Kafka's storage
   * is not formatted; afterwards the stack keeps the security it was formatted with ({@link LocalStack#kafkaSecurity()}).
   */
  public boolean secure() {
    return secure;
  }

  /** Kafka broker classpath copied by stack/kafka-runtime (or carried by a distribution). */
  public Path kafkaLib() {
    return libs.kafka();
  }

  /** Flink session cluster classpath copied by stack/flink-runtime (or carried by a distribution). */
  public Path flinkLib() {
    return libs.flink();
  }

  /** Apicurio Registry distribution unpacked by stack/registry-runtime (or carried by a distribution). */
  public Path registryDist() {
    return libs.registry();
  }

  /** The same config with other ports (used when the stack recorded the ports it runs on). */
  public StackConfig withPorts(Ports other) {
    return toBuilder().ports(other).build();
  }

  /** The same config asking for a secure Kafka, or not. */
  public StackConfig withSecure(boolean other) {
    return toBuilder().secure(other).build();
  }

  private Builder toBuilder() {
    return builder().libs(libs).home(layout.home()).ports(ports).taskSlots(taskSlots).prometheusPort(prometheusPort)
        .startTimeout(startTimeout).stopTimeout(stopTimeout).java(java).secure(secure);
  }

  @Override
  public String toString() {
    return "StackConfig[repo=" + libs.root() + ", home=" + layout.home() + ", " + ports + ", taskSlots=" + taskSlots
        + (secure ? ", secure" : "") + "]";
  }

  /** Builds a {@link StackConfig}; only {@link #repo(Path)} (or {@link #libs(ServerLibs)}) is required. */
  public static final class Builder {
    private Path repo;
    private ServerLibs libs;
    private Path home;
    private Ports ports = Ports.defaults();
    private int taskSlots = DEFAULT_TASK_SLOTS;
    private int prometheusPort = DEFAULT_PROMETHEUS_PORT;
    private Duration startTimeout = Duration.ofSeconds(180);
    private Duration stopTimeout = Duration.ofSeconds(30);
    private Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private boolean secure;

    private Builder() {}

    public Builder repo(Path repo) {
      this.repo = repo;
      return this;
    }

    /** The server classpaths, instead of those of {@link #repo(Path)}. */
    public Builder libs(ServerLibs libs) {
      this.libs = libs;
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

    /** The JobManager's Prometheus reporter port (default 9249); the TaskManager takes the next one. */
    public Builder prometheusPort(int prometheusPort) {
      this.prometheusPort = prometheusPort;
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

    /** Asks for Kafka with SASL/SCRAM and ACLs ({@link KafkaSecurity#SCRAM}); default false (plain). */
    public Builder secure(boolean secure) {
      this.secure = secure;
      return this;
    }

    /** Checks every field and reports all problems together. */
    public StackConfig build() {
      List<String> problems = new ArrayList<>();
      if (repo == null && libs == null) {
        problems.add("repo(Path) was not called");
      }
      if (ports == null) {
        problems.add("ports must not be null");
      }
      if (prometheusPort < 1 || prometheusPort > 65534) {
        problems.add("prometheusPort must be in 1..65534 (the TaskManager takes the next port) but was " + prometheusPort);
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
