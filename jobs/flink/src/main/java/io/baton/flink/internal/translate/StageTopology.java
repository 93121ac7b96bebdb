package io.baton.flink.internal.translate;

import io.baton.api.fn.Fn;
import io.baton.api.fn.StageFunction;
import io.baton.api.internal.ResourceNames;
import io.baton.api.internal.StageSpec;
import io.baton.connectors.DeadLetter;
import io.baton.connectors.HandoffSink;
import io.baton.connectors.HandoffSource;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.OutRecord;
import io.baton.flink.internal.accept.AcceptStep;
import io.baton.flink.internal.accept.ThrottleStep;
import io.baton.flink.internal.runtime.DeadLetterOutput;
import io.baton.flink.internal.runtime.Envelope;
import io.baton.flink.internal.runtime.IdleAdvancingWatermarks;
import io.baton.flink.internal.runtime.InputReaders;
import io.baton.flink.internal.runtime.Keys;
import io.baton.flink.internal.runtime.OutputWriter;
import io.baton.flink.internal.runtime.StageInfo;
import io.baton.flink.internal.runtime.UserFunction;
import io.baton.flink.job.StageSettings;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Builds one stage's Flink job: read its input topics → accept (decode, limits, rules; rejects to
 * dead letters) → batch policy → stage function → hand off to its output topic, exactly-once by
 * default, dead letters through the same sink (and so the same transactions).
 *
 * <pre>{@code
 * StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
 * StageTopology.build(env, graph.name(), graph.stage("per-minute"), StageSettings.of(kafka, registryUrl));
 * env.execute("sensor-story/per-minute");
 * }</pre>
 */
public final class StageTopology {
  private StageTopology() {}

  public static void build(StreamExecutionEnvironment env, String pipeline, StageSpec spec, StageSettings settings) {
    StageInfo stage = StageInfo.of(pipeline, spec);
    configure(env, spec, settings);

    DataStream<KafkaRecord> in = env.fromSource(source(stage, settings), watermarks(spec, settings),
        "read " + String.join(", ", spec.inputTopics())).uid("source");

    InputReaders readers = new InputReaders(spec.inputClasses(), settings.registry());
    Keys keys = Keys.of(spec);
    // One dead-letter maker per stage, shared by every operator that rejects.
    DeadLetterOutput rejects = DeadLetterOutput.of(DeadLetter.forStage(pipeline, spec.name(), spec.deadLetterTopic()));
    SingleOutputStreamOperator<Envelope> accepted = in
        .process(new AcceptStep(stage, readers, spec.accept(), keys,
            spec.source() ? spec.eventTime().flatMap(t -> t.timestamp()).orElse(null) : null, rejects),
            Envelope.Types.TYPE_INFO)
        .name("accept " + String.join(", ", spec.inputs().isEmpty() ? spec.inputTopics() : spec.inputs()))
        .uid("accept");

    DataStream<Envelope> admitted = spec.accept().rateLimit().isEmpty() ? accepted : accepted
        .keyBy(e -> e.rateKey, Types.STRING)
        .transform("rate limit", Envelope.Types.TYPE_INFO,
            new ThrottleStep(spec.accept().rateLimit().get(), spec.eventTime().isPresent(), rejects))
        .name("rate limit " + spec.accept().rateLimit().get()).uid("throttle");
    StageFunction<?, ?> fn = spec.function().orElse(Fn.map(record -> record));
    Translated translated = spec.batch().match(new BatchTranslator(admitted, readers, keys, new UserFunction(fn),
        new OutputWriter(stage, settings.registry()), rejects, spec.coGroup(), label(spec)));

    translated.outputs().sinkTo(handoff(stage, spec, settings)).name("handoff → " + spec.outputTopic()).uid("handoff");

    // Dead letters have a sink of their own, so the main path (source → accept → batch → handoff) chains into one task.
    DataStream<OutRecord> letters = accepted.getSideOutput(DeadLetterOutput.TAG);
    if (admitted instanceof SingleOutputStreamOperator<Envelope> throttled && admitted != accepted) {
      letters = letters.union(throttled.getSideOutput(DeadLetterOutput.TAG));
    }
    if (translated.late().isPresent()) {
      letters = letters.union(translated.late().get());
    }
    letters.sinkTo(deadLetters(stage, spec, settings)).name("dead letters → " + spec.deadLetterTopic())
        .uid("dead-letters");
  }

  private static void configure(StreamExecutionEnvironment env, StageSpec spec, StageSettings settings) {
    env.setParallelism(spec.parallelism());
    // Chained operators pass references instead of copies. Safe: no Baton operator keeps or changes a record it was
    // given (AcceptStep, ThrottleStep, ArrivalOrder and LateStep emit new or untouched values, EachStep and BatchStep
    // only read theirs; KafkaRecord and OutRecord are immutable), and what Flink keeps (window and keyed state) comes
    // from a network exchange, whose deserializer makes new objects.
    env.getConfig().enableObjectReuse();
    if (settings.bounded()) {
      env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    } else {
      env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
      env.enableCheckpointing(settings.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
      restartForever(env);
    }
  }

  /** Longest wait between two restarts of a failing stage: how late, at most, a stage notices a registry is back. */
  public static final Duration MAX_RESTART_BACKOFF = Duration.ofSeconds(15);

  /**
   * A stage restarts from its checkpoint as long as it fails (a registry or broker outage of any length): exponential
   * delay from 1 s to {@link #MAX_RESTART_BACKOFF}, no limit on attempts. A restart strategy the cluster configures wins.
   */
  private static void restartForever(StreamExecutionEnvironment env) {
    if (env.getConfiguration().getOptional(RestartStrategyOptions.RESTART_STRATEGY).isPresent()) {
      return;
    }
    Configuration restart = new Configuration();
    restart.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
    restart.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, Duration.ofSeconds(1));
    restart.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, MAX_RESTART_BACKOFF);
    restart.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS, Integer.MAX_VALUE);
    env.configure(restart);
  }

  private static KafkaSource<KafkaRecord> source(StageInfo stage, StageSettings settings) {
    HandoffSource.Builder source = HandoffSource.builder()
        .kafka(settings.kafka())
        .topics(stage.inputTopics())
        .groupId(ResourceNames.consumerGroup(stage.pipeline(), stage.stage()));
    return settings.bounded() ? source.bounded(settings.inputRanges()).build() : source.build();
  }

  /**
   * Later stages read event time from Kafka timestamps, watermarked per partition; sources need none.
   * With {@code closeWindowsAfterIdle} a quiet partition's event time moves on with the wall clock.
   */
  private static WatermarkStrategy<KafkaRecord> watermarks(StageSpec spec, StageSettings settings) {
    if (spec.source() || spec.eventTime().isEmpty()) {
      return WatermarkStrategy.noWatermarks();
    }
    Duration outOfOrderness = spec.eventTime().get().outOfOrderness();
    Optional<Duration> idleClose = spec.eventTime().get().idleClose();
    if (idleClose.isPresent() && !settings.bounded()) {
      Duration idle = idleClose.get();
      return WatermarkStrategy.<KafkaRecord>forGenerator(c -> IdleAdvancingWatermarks.of(outOfOrderness, idle))
          .withTimestampAssigner((record, kafkaTime) -> record.timestamp());
    }
    return WatermarkStrategy.<KafkaRecord>forBoundedOutOfOrderness(outOfOrderness)
        .withTimestampAssigner((record, kafkaTime) -> record.timestamp())
        .withIdleness(settings.idleness());
  }

  private static KafkaSink<OutRecord> handoff(StageInfo stage, StageSpec spec, StageSettings settings) {
    HandoffSink.Builder sink = HandoffSink.builder().defaultTopic(spec.outputTopic());
    return sink(sink, spec, settings, ResourceNames.transactionalIdPrefix(stage.pipeline(), stage.stage()));
  }

  /** Dead letters name their topic; their own transactions, committed with the same checkpoints as the handoff's. */
  private static KafkaSink<OutRecord> deadLetters(StageInfo stage, StageSpec spec, StageSettings settings) {
    HandoffSink.Builder sink = HandoffSink.builder().defaultTopic(spec.deadLetterTopic());
    return sink(sink, spec, settings, ResourceNames.deadLetterTransactionalIdPrefix(stage.pipeline(), stage.stage()));
  }

  private static KafkaSink<OutRecord> sink(HandoffSink.Builder sink, StageSpec spec, StageSettings settings,
      String transactionalIdPrefix) {
    sink.kafka(settings.kafka());
    settings.run().ifPresent(sink::run);
    boolean exactlyOnce = spec.delivery() == io.baton.api.Delivery.EXACTLY_ONCE;
    return (exactlyOnce ? sink.exactlyOnce(transactionalIdPrefix) : sink.atLeastOnce()).build();
  }

  /** The batch operator's name in the web UI, e.g. {@code batch countOrTime(1000, PT1M) by sensorId → summarize}. */
  private static String label(StageSpec spec) {
    return spec.batch().describe() + " → " + spec.function().map(StageFunction::label).orElse("hand on");
  }
}
