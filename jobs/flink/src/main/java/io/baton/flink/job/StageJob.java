package io.baton.flink.job;

import io.baton.api.PipelineDefinition;
import io.baton.api.PipelineDefinitions;
import io.baton.api.internal.PipelineGraph;
import io.baton.api.internal.ResourceNames;
import io.baton.api.internal.StageSpec;
import io.baton.api.overrides.StageOverrides;
import io.baton.connectors.KafkaClientConfig;
import io.baton.connectors.OffsetRanges;
import io.baton.connectors.RunId;
import io.baton.flink.internal.translate.StageTopology;
import io.baton.flink.plan.StageVersion;
import io.baton.schemas.registry.RegistryConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The entry point of every stage job in a job jar: builds the named stage of the named pipeline
 * definition and runs it as the Flink job {@code <pipeline>/<stage>}.
 *
 * <pre>
 * --definition io.baton.examples.sensor.SensorStory --stage per-minute [--overrides batch.size=PT2M,parallelism=2]
 * --bootstrap-servers 127.0.0.1:9092 --registry-url http://127.0.0.1:8085/apis/ccompat/v7
 * [--registry-properties-file .baton/jobs/sensor-story.registry.properties]
 * [--kafka-properties-file .baton/jobs/sensor-story.kafka.properties] [--checkpoint-interval 2s]
 * [--bounded [--run-id 20261205T051203.457Z-3f9a01c2] [--input-offsets sensor-story.readings:0:372-744,...]]
 * </pre>
 *
 * <p>In a bounded run, {@code --input-offsets} names the exact range of each handoff topic the stage reads (what its
 * upstream wrote in this run) and {@code --run-id} the run stamped on its outputs and dead letters.
 *
 * <p>{@code --overrides} carries the stage's policy overrides in their canonical form ({@link StageOverrides}), as
 * the plan made them: the job applies them to the stage it defines, so it runs what {@code baton plan --overrides}
 * showed. They hold no secrets.
 *
 * <p>Registry credentials and TLS settings come only from the properties file, which every
 * operator reads when it connects on its task manager: arguments are shown in the Flink web UI.
 * Kafka client settings (SASL, TLS, ...) likewise come only from their file, read when the job is built.
 */
public final class StageJob {
  private StageJob() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    StageSettings settings = settings(options);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    // The definition and its Avro classes are touched on a thread that ends here (see ShortLivedThread).
    String jobName = ShortLivedThread.call("baton define " + require(options, "stage"), () -> {
      PipelineGraph graph = PipelineDefinitions.define(load(require(options, "definition"))).build();
      StageSpec spec = stage(graph, options);
      StageTopology.build(env, graph.name(), spec, settings);
      renewState(env, Integer.parseInt(options.getOrDefault("state-generation", "0")));
      publishVersion(env, StageVersion.of(spec));
      return ResourceNames.jobName(graph.name(), spec.name());
    });
    env.execute(jobName);
  }

  /**
   * The stage a job with {@code programArgs} runs: the one {@code --stage} names, with its {@code --overrides}
   * applied (an {@code OverridesException} if they no longer fit the definition).
   */
  public static StageSpec stage(PipelineGraph graph, List<String> programArgs) {
    return stage(graph, parse(programArgs.toArray(String[]::new)));
  }

  private static StageSpec stage(PipelineGraph graph, Map<String, String> options) {
    StageSpec spec = graph.stage(require(options, "stage"));
    String overrides = options.get("overrides");
    return overrides == null ? spec : StageOverrides.parse(overrides).applyTo(spec, graph.name());
  }

  /** Operators whose state a start without state keeps: the source's offsets, the sinks' transactions. */
  private static final java.util.Set<String> KEPT_ON_RENEW = java.util.Set.of("source", "handoff", "dead-letters");

  /**
   * For {@code --state-generation n} (n > 0), renames every other operator's uid to {@code <uid>-g<n>}: restored from
   * a savepoint with {@code allowNonRestoredState}, the job then continues from the source's offsets and the sinks'
   * transactions while its windows, batches and limits start empty (after a drain, or when their state cannot restore).
   */
  static void renewState(StreamExecutionEnvironment env, int generation) {
    if (generation <= 0) {
      return;
    }
    java.util.Set<org.apache.flink.api.dag.Transformation<?>> all = new java.util.LinkedHashSet<>();
    env.getTransformations().forEach(t -> all.addAll(t.getTransitivePredecessors()));
    for (org.apache.flink.api.dag.Transformation<?> t : all) {
      if (t.getUid() != null && !KEPT_ON_RENEW.contains(t.getUid())) {
        t.setUid(t.getUid() + "-g" + generation);
      }
    }
  }

  /** Makes the stage version readable from Flink's REST API: {@code /jobs/<id>/config}, {@code user-config}. */
  static void publishVersion(StreamExecutionEnvironment env, String version) {
    Configuration parameters = new Configuration();
    parameters.setString(StageVersion.JOB_PARAMETER, version);
    env.getConfig().setGlobalJobParameters(parameters);
  }

  /** Loads a definition by class name through the job jar's class loader. */
  public static PipelineDefinition load(String className) throws ReflectiveOperationException {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Class<?> type = Class.forName(className, true, loader);
    if (!PipelineDefinition.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(className + " does not implement " + PipelineDefinition.class.getName());
    }
    return (PipelineDefinition) type.getDeclaredConstructor().newInstance();
  }

  /** Where the stage runs, from its options. */
  static StageSettings settings(Map<String, String> options) {
    RegistryConfig registry = RegistryConfig.of(require(options, "registry-url"));
    if (options.containsKey("registry-properties-file")) {
      registry = registry.withPropertiesFile(Path.of(options.get("registry-properties-file")));
    }
    KafkaClientConfig kafka = KafkaClientConfig.of(require(options, "bootstrap-servers"));
    if (options.containsKey("kafka-properties-file")) {
      kafka = kafka.withPropertiesFile(Path.of(options.get("kafka-properties-file")));
    }
    return new StageSettings(kafka, registry, options.containsKey("bounded"),
        duration(options.getOrDefault("checkpoint-interval", "2s")), Duration.ofSeconds(5),
        options.containsKey("run-id") ? RunId.parse(options.get("run-id")) : null,
        OffsetRanges.parse(options.get("input-offsets")));
  }

  /** {@code --name value} pairs; a flag without a value maps to "true". */
  static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    List<String> list = List.of(args);
    for (int i = 0; i < list.size(); i++) {
      String arg = list.get(i);
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'; options look like --name value");
      }
      boolean hasValue = i + 1 < list.size() && !list.get(i + 1).startsWith("--");
      options.put(arg.substring(2), hasValue ? list.get(++i) : "true");
    }
    return options;
  }

  private static String require(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return value;
  }

  /** {@code 500ms}, {@code 2s}, {@code 1m}, or ISO-8601 ({@code PT2S}). */
  static Duration duration(String text) {
    if (text.startsWith("P")) {
      return Duration.parse(text);
    }
    if (text.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
    }
    long n = Long.parseLong(text.substring(0, text.length() - 1));
    return switch (text.charAt(text.length() - 1)) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      default -> throw new IllegalArgumentException("not a duration: " + text + " (use 500ms, 2s, 1m or PT2S)");
    };
  }
}
