package io.baton.testing;

import io.baton.api.internal.ResourceNames;

import io.baton.api.PipelineDefinition;
import io.baton.api.PipelineDefinitions;
import io.baton.api.internal.PipelineGraph;
import io.baton.api.overrides.PolicyOverrides;
import io.baton.connectors.BatonHeaders;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.KafkaClientConfig;
import io.baton.connectors.KafkaLineageStore;
import io.baton.connectors.Provenance;
import io.baton.connectors.RunId;
import io.baton.connectors.TopicReader;
import io.baton.flink.deploy.BoundedRun;
import io.baton.flink.deploy.Deployer;
import io.baton.flink.deploy.Target;
import io.baton.flink.job.StageJob;
import io.baton.flink.job.StageSettings;
import io.baton.flink.lineage.JobLineage;
import io.baton.flink.lineage.LineageSettings;
import io.baton.flink.internal.translate.StageTopology;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import io.baton.flink.plan.Planner;
import io.baton.schemas.wire.DecodeException;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.wire.WireDecoder;
import io.baton.schemas.wire.WireEncoder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Tests a pipeline against real servers: a Kafka broker and a schema registry (their own JVMs on
 * free ports) and a Flink MiniCluster. Pipe records in with timestamps, run the pipeline
 * streaming or bounded, read outputs and dead letters.
 *
 * <pre>{@code
 * PipelineTestDriver driver = PipelineTestDriver.shared();
 * driver.pipe("sensors.readings", new Reading("s1", 21.5, 1_000L), 1_000L);
 * driver.runBounded(new SensorStory(), Duration.ofMinutes(1));
 * List<Summary> out = driver.readAll("sensor-story.per-minute", Summary.class);
 * }</pre>
 *
 * <p>A registry behind credentials: pass settings whose registry has them, e.g.
 * {@code driver.start(def, driver.settings(false).registry(RegistryConfig.of(url).withBasicAuth("u", "p")))};
 * as on a cluster, the jobs get them through a properties file under the servers' folder.
 */
public final class PipelineTestDriver implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(100);
  private static PipelineTestDriver shared;

  private final EmbeddedServers servers;
  private final KafkaProducer<byte[], byte[]> producer;
  private final SchemaRegistry registry;
  private final Map<String, Integer> schemaIds = new HashMap<>();
  private final Map<Class<?>, WireDecoder<?>> decoders = new HashMap<>();

  private PipelineTestDriver(EmbeddedServers servers) {
    this.servers = servers;
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.producer = new KafkaProducer<>(props);
    this.registry = SchemaRegistry.connect(registry());
  }

  /** New servers for this driver alone; close it when done. */
  public static PipelineTestDriver start() throws Exception {
    return new PipelineTestDriver(EmbeddedServers.start(16));
  }

  /** One driver for the whole test JVM (2 cores go further that way), closed when the JVM exits. */
  public static synchronized PipelineTestDriver shared() throws Exception {
    if (shared == null) {
      PipelineTestDriver driver = start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          driver.close();
        } catch (Exception e) {
          System.err.println("baton: could not stop test servers: " + e);
        }
      }, "baton-test-servers-stop"));
      shared = driver;
    }
    return shared;
  }

  public String bootstrapServers() {
    return servers.bootstrapServers();
  }

  public RegistryConfig registry() {
    return RegistryConfig.of(servers.registryUrl());
  }

  /** The MiniCluster's web UI. */
  public String flinkWebUrl() throws Exception {
    return servers.flink().getRestAddress().get(10, TimeUnit.SECONDS).toString();
  }

  /** Stops the schema registry (schemas stay on disk) to test an outage; {@link #startRegistry()} ends it. */
  public void stopRegistry() throws InterruptedException {
    servers.stopRegistry();
  }

  /** Starts the schema registry again on its port and waits until it answers. */
  public void startRegistry() throws Exception {
    servers.startRegistry();
  }

  /** The registry client this driver uses, e.g. to register an evolved schema. */
  public SchemaRegistry registryClient() {
    return registry;
  }

  // ---- input ----

  /** Writes an Avro record to {@code topic} (registered under {@code <topic>-value}) with a Kafka timestamp. */
  public void pipe(String topic, SpecificRecord record, long timestamp) {
    pipe(topic, null, record, timestamp);
  }

  /** Writes an Avro record with a key. */
  public void pipe(String topic, String key, SpecificRecord record, long timestamp) {
    byte[] value = encoder(topic, record).encode(record);
    pipeBytes(topic, key == null ? null : key.getBytes(java.nio.charset.StandardCharsets.UTF_8), value, timestamp);
  }

  /** Writes raw bytes, e.g. something that is not Avro at all. */
  public void pipeBytes(String topic, byte[] key, byte[] value, long timestamp) {
    try {
      producer.send(new ProducerRecord<>(topic, null, timestamp, key, value)).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not write to " + topic + ": " + e, e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private WireEncoder<SpecificRecord> encoder(String topic, SpecificRecord record) {
    String subject = ResourceNames.subject(topic);
    int id = schemaIds.computeIfAbsent(subject + "/" + record.getClass().getName(),
        k -> registry.register(subject, record.getSchema()));
    return (WireEncoder) WireEncoder.forSpecific((Class) record.getClass(), id);
  }

  // ---- running ----

  /** Prepares the pipeline (check, topics, subjects) and starts one streaming job per stage. */
  public RunningPipeline start(PipelineDefinition definition) throws Exception {
    return start(definition, settings(false));
  }

  /** Like {@link #start(PipelineDefinition)} with settings of the caller's (checkpoint interval, ...). */
  public RunningPipeline start(PipelineDefinition definition, StageSettings settings) throws Exception {
    PipelineGraph graph = prepare(definition, settings);
    StageSettings jobSettings = forJobs(graph, settings);
    Map<String, JobClient> jobs = new LinkedHashMap<>();
    for (var stage : graph.stages()) {
      TestStreamEnvironment env = new TestStreamEnvironment(servers.flink(), 1);
      StageTopology.build(env, graph.name(), stage, jobSettings);
      jobs.put(stage.name(), env.executeAsync(ResourceNames.jobName(graph.name(), stage.name())));
    }
    return new RunningPipeline(graph.name(), jobs, servers.home().resolve("savepoints"));
  }

  /**
   * Runs the pipeline over what its inputs hold now, bounded, group after group; returns when all finished, with
   * the run's id, which its outputs and dead letters carry ({@link #readRun}). Each stage reads of its handoff
   * topics only what its upstream wrote in this run, so running it again gives the same outputs again.
   */
  public RunId runBounded(PipelineDefinition definition, Duration timeout) throws Exception {
    return runBounded(definition, settings(true), timeout);
  }

  /** Like {@link #runBounded(PipelineDefinition, Duration)} with settings of the caller's (a registry with credentials, ...). */
  public RunId runBounded(PipelineDefinition definition, StageSettings settings, Duration timeout) throws Exception {
    return runBounded(definition, PolicyOverrides.none(), settings, timeout);
  }

  /**
   * Like {@link #runBounded(PipelineDefinition, Duration)} with policy overrides, as {@code baton run --overrides}
   * runs it: each job defines its stage from the plan's arguments ({@code --overrides}), as the stage job does.
   *
   * <pre>{@code
   * driver.runBounded(new SensorStory(), PolicyOverrides.of("test", Map.of("per-minute", Map.of("batch.size", "2m"))),
   *     Duration.ofMinutes(1));
   * }</pre>
   */
  public RunId runBounded(PipelineDefinition definition, PolicyOverrides overrides, Duration timeout) throws Exception {
    return runBounded(definition, overrides, settings(true), timeout, LineageSettings.off());
  }

  /**
   * Like {@link #runBounded(PipelineDefinition, Duration)}, emitting each stage job's OpenLineage run events (START,
   * then COMPLETE or FAIL) as {@code lineage} says, as {@code baton run} does.
   *
   * <pre>{@code
   * driver.runBounded(new SensorStory(), Duration.ofMinutes(1), LineageSettings.toFile(dir.resolve("ol.jsonl")));
   * }</pre>
   */
  public RunId runBounded(PipelineDefinition definition, Duration timeout, LineageSettings lineage) throws Exception {
    return runBounded(definition, PolicyOverrides.none(), settings(true), timeout, lineage);
  }

  private RunId runBounded(PipelineDefinition definition, PolicyOverrides overrides, StageSettings settings,
      Duration timeout) throws Exception {
    return runBounded(definition, overrides, settings, timeout, LineageSettings.off());
  }

  private RunId runBounded(PipelineDefinition definition, PolicyOverrides overrides, StageSettings settings,
      Duration timeout, LineageSettings lineage) throws Exception {
    PipelineGraph graph = PipelineDefinitions.define(definition).build();
    Plan plan = prepare(graph, definition, settings, overrides);
    StageSettings jobSettings = forJobs(graph, settings.bounded(true));
    try (JobLineage events = lineage.open(plan, bootstrapServers(), true, System.err::println)) {
      // Readers after the run, like the next group, see all a group committed.
      return new BoundedRun(plan, bootstrapServers(), timeout).run((level, step) -> {
        Map<String, JobClient> running = new LinkedHashMap<>();
        for (String name : level) {
          TestStreamEnvironment env = new TestStreamEnvironment(servers.flink(), 1);
          StageTopology.build(env, graph.name(), StageJob.stage(graph, plan.stage(name).programArgs()),
              step.settings(jobSettings, name));
          JobClient job = env.executeAsync(ResourceNames.jobName(graph.name(), name));
          running.put(name, job);
          events.started(name, job.getJobID().toHexString());
        }
        for (Map.Entry<String, JobClient> job : running.entrySet()) {
          awaitFinished(job.getKey(), job.getValue(), timeout, events);
        }
      });
    }
  }

  private static void awaitFinished(String stage, JobClient job, Duration timeout, JobLineage events) throws Exception {
    String id = job.getJobID().toHexString();
    JobExecutionResult result;
    try {
      result = job.getJobExecutionResult().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      events.ended(stage, id, job.getJobStatus().get().name(), String.valueOf(e.getCause()));
      throw e;
    }
    if (result == null) {
      throw new IllegalStateException("job " + job.getJobID() + " did not finish");
    }
    events.ended(stage, id, "FINISHED", null);
  }

  /** Settings of this driver's servers; checkpoints every 500 ms so exactly-once output shows quickly. */
  public StageSettings settings(boolean bounded) {
    return StageSettings.of(bootstrapServers(), registry().url()).bounded(bounded)
        .checkpointInterval(Duration.ofMillis(500));
  }

  /** A deploy target on this driver's servers, talking to the registry as {@code registry} says. */
  public Target target(RegistryConfig registry) {
    return new Target(bootstrapServers(), registry, "", "500ms", servers.home().resolve("jobs"));
  }

  /** Checks the plan, creates topics and registers subjects, as the deploy step does. */
  private PipelineGraph prepare(PipelineDefinition definition, StageSettings settings) throws Exception {
    PipelineGraph graph = PipelineDefinitions.define(definition).build();
    prepare(graph, definition, settings, PolicyOverrides.none());
    return graph;
  }

  private Plan prepare(PipelineGraph graph, PipelineDefinition definition, StageSettings settings,
      PolicyOverrides overrides) throws Exception {
    Plan plan = Planner.plan(graph, definition.getClass().getName(), overrides);
    Consumer<String> quiet = line -> { };
    new Deployer(target(settings.registry()), quiet).prepare(plan);
    return plan;
  }

  /** As on a cluster: the registry's client properties reach the jobs through a file, not inside the job. */
  private StageSettings forJobs(PipelineGraph graph, StageSettings settings) {
    return settings.registry(target(settings.registry()).registryForJobs(graph.name()));
  }

  // ---- output ----

  /** Every committed record of {@code topic} now, decoded. */
  public <T extends SpecificRecord> List<T> readAll(String topic, Class<T> type) {
    return decode(readAllRaw(topic), type);
  }

  /** Waits until {@code topic} holds at least {@code count} committed records, then returns all of them, decoded. */
  public <T extends SpecificRecord> List<T> read(String topic, Class<T> type, int count, Duration timeout) {
    return decode(readRaw(topic, count, timeout), type);
  }

  /** The committed records of {@code topic} that bounded run {@code run} wrote, decoded. */
  public <T extends SpecificRecord> List<T> readRun(String topic, Class<T> type, RunId run) {
    return decode(readAllRaw(topic).stream()
        .filter(r -> RunId.fromHeaders(r.headers()).filter(run::equals).isPresent()).toList(), type);
  }

  /**
   * The lineage of a stage output of {@code definition}: its version and exact inputs, with the inputs'
   * topics named by the stage that writes the record's topic. Empty when the record carries none. A record whose
   * inputs did not fit the header points to the lineage topic: read it with {@link #lineageOf}, which this refuses.
   */
  public static Optional<Provenance> lineage(PipelineDefinition definition, KafkaRecord record) {
    return Provenance.fromHeaders(record.headers(), writerOf(definition, record).inputTopics());
  }

  /**
   * As {@link #lineage(PipelineDefinition, KafkaRecord)}, also for a batch too large for the header: its exact
   * inputs are read from the pipeline's lineage topic on this driver's Kafka ({@code read_committed}).
   *
   * <pre>{@code
   * InputOffsets inputs = driver.lineageOf(new Everything(), record).orElseThrow().inputs();
   * }</pre>
   */
  public Optional<Provenance> lineageOf(PipelineDefinition definition, KafkaRecord record) {
    List<String> inputTopics = writerOf(definition, record).inputTopics();
    try (KafkaLineageStore store = KafkaLineageStore.of(KafkaClientConfig.of(bootstrapServers()))) {
      return Provenance.fromHeaders(record.headers(), inputTopics, store);
    }
  }

  private static PlannedStage writerOf(PipelineDefinition definition, KafkaRecord record) {
    return Planner.plan(definition).writerOf(record.topic()).orElseThrow(() ->
        new IllegalArgumentException("no stage of " + definition.getClass().getSimpleName() + " writes " + record.topic()));
  }

  /** Every committed record of {@code topic} now, as read. */
  public List<KafkaRecord> readAllRaw(String topic) {
    return readRaw(topic, 0, Duration.ofSeconds(30));
  }

  /** Waits until {@code topic} holds at least {@code count} committed records, then returns all of them. */
  public List<KafkaRecord> readRaw(String topic, int count, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    List<KafkaRecord> records = readCommitted(topic);
    while (records.size() < count) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("topic " + topic + " has " + records.size() + " committed records, expected at least "
            + count + " within " + timeout);
      }
      pause();
      records = readCommitted(topic);
    }
    return records;
  }

  private static void pause() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for records", e);
    }
  }

  /** Dead letters of a stage: waits for at least {@code count}. */
  public List<KafkaRecord> deadLetters(String pipeline, String stage, int count, Duration timeout) {
    return readRaw(ResourceNames.deadLetterTopic(pipeline, stage), count, timeout);
  }

  /** Reads a topic from the start to its last committed offset (read_committed). */
  private List<KafkaRecord> readCommitted(String topic) {
    try (TopicReader reader = new TopicReader(bootstrapServers())) {
      return reader.readCommitted(topic);
    }
  }

  @SuppressWarnings("unchecked")
  private <T extends SpecificRecord> List<T> decode(List<KafkaRecord> records, Class<T> type) {
    WireDecoder<T> decoder = (WireDecoder<T>) decoders.computeIfAbsent(type, t -> {
      WireDecoder<T> d = WireDecoder.forSpecific(type, registry());
      d.open();
      return d;
    });
    List<T> out = new ArrayList<>();
    for (KafkaRecord r : records) {
      try {
        out.add(decoder.decode(r.value()));
      } catch (DecodeException e) {
        throw new AssertionError("record " + r + " of " + type.getSimpleName() + " does not decode: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** The Avro schema of a generated class, for registering evolutions in tests. */
  public static org.apache.avro.Schema schemaOf(Class<?> type) {
    return SpecificData.get().getSchema(type);
  }

  @Override
  public void close() throws Exception {
    producer.close();
    registry.close();
    decoders.values().forEach(WireDecoder::close);
    servers.close();
  }
}
