package io.baton.cli;

import io.baton.api.internal.ResourceNames;

import io.baton.connectors.BatonHeaders;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.TopicReader;
import io.baton.flink.deploy.FlinkRest;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedTopic;
import io.baton.flink.plan.Planner;
import io.baton.schemas.wire.DecodeException;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.wire.WireDecoder;
import io.baton.schemas.wire.WireEncoder;
import io.baton.schemas.sensor.Reading;
import io.baton.stack.StackEndpoints;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The demo: runs the sensor story on the local stack from a clean start, feeds it generated
 * readings with bad ones among them, waits until every output and dead letter it should produce
 * is committed, and tells the story.
 *
 * <pre>{@code
 * new SensorDemo(endpoints, jobJar, out).run();
 * }</pre>
 */
final class SensorDemo {
  static final String PIPELINE = "sensor-story";
  private static final Duration WAIT = Duration.ofMinutes(3);

  private final StackEndpoints endpoints;
  private final Cluster cluster;
  private final JobJar jar;
  private final PrintWriter out;
  private final DemoFeed feed = DemoFeed.standard();

  SensorDemo(Cluster cluster, JobJar jar, PrintWriter out) {
    this.cluster = cluster;
    this.endpoints = cluster.endpoints();
    this.jar = jar;
    this.out = out;
  }

  void run() throws Exception {
    Instant started = Instant.now();
    Plan plan = Planner.plan(jar.definition(PIPELINE));
    String input = plan.stage("readings").inputTopics().get(0);
    say("Resetting the demo's topics and jobs");
    reset(plan);
    say("Starting " + plan.stages().size() + " jobs, one per stage");
    RunCommand.run(cluster, plan, jar.path(), false, line -> say("  " + line));
    awaitRunning(plan);

    try (SchemaRegistry registry = SchemaRegistry.connect(registry());
         KafkaProducer<byte[], byte[]> producer = RawProducer.idempotent(endpoints.kafkaBootstrapServers());
         TopicReader reader = new TopicReader(endpoints.kafkaBootstrapServers())) {
      int id = registry.register(ResourceNames.subject(input), Reading.getClassSchema());
      WireEncoder<Reading> encoder = WireEncoder.forSpecific(Reading.class, id);
      List<Reading> onTime = feed.onTime();
      onTime.forEach(r -> send(producer, input, r.getSensorId(), encoder.encode(r)));
      List<byte[]> malformed = feed.malformed(encoder);
      malformed.forEach(bytes -> send(producer, input, "garbage", bytes));
      send(producer, input, "unknown-schema", feed.unknownSchema(encoder));
      producer.flush();
      say("Fed " + onTime.size() + " readings (" + feed.count(io.baton.examples.sensor.GeneratedReading.Kind.OUT_OF_RANGE)
          + " out of range, 1 clock reading), " + malformed.size() + " undecodable values, 1 record of an unknown schema");

      long summaries = feed.expectedSummaries();
      await("per-minute summaries", () -> reader.readCommitted("sensor-story.per-minute").size() >= summaries);
      List<Reading> late = feed.late();
      late.forEach(r -> send(producer, input, r.getSensorId(), encoder.encode(r)));
      producer.flush();
      say("Fed " + late.size() + " late readings, for minutes that have closed");

      long rejectedAtSource = feed.count(io.baton.examples.sensor.GeneratedReading.Kind.OUT_OF_RANGE) + malformed.size() + 1;
      await("dead letters", () -> reader.readCommitted(ResourceNames.deadLetterTopic(PIPELINE, "readings")).size() >= rejectedAtSource
          && reader.readCommitted(ResourceNames.deadLetterTopic(PIPELINE, "per-minute")).size() >= late.size());
      await("alerts", () -> reader.readCommitted("sensors.alerts").size() >= feed.expectedAlerts());

      new DemoStory(out, reader, registry()).tell(plan);
    }
    out.printf("%nWatch the jobs in the Flink web UI: %s%n", endpoints.flinkWebUrl());
    out.printf("They keep running; stop them with: ./baton stop %s   (and the stack with: ./baton down)%n", PIPELINE);
    out.printf("Demo took %.1f s%n", Duration.between(started, Instant.now()).toMillis() / 1000.0);
    out.flush();
  }

  private RegistryConfig registry() {
    return cluster.registry();
  }

  /** Stops earlier demo jobs and deletes the pipeline's topics and consumer groups, so counts start at zero. */
  private void reset(Plan plan) throws Exception {
    FlinkRest flink = new FlinkRest(endpoints.flinkWebUrl());
    for (FlinkRest.Job job : StopCommand.runningJobs(flink, PIPELINE)) {
      flink.cancel(job.id());
    }
    await("earlier demo jobs to stop", () -> quietly(() -> StopCommand.runningJobs(flink, PIPELINE).isEmpty()));
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers());
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<String> topics = plan.topics().stream().map(PlannedTopic::name).filter(existing::contains).toList();
      admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
      await("old topics to be deleted", () -> quietly(() -> admin.listTopics().names().get().stream().noneMatch(topics::contains)));
      List<String> groups = plan.stages().stream().map(s -> ResourceNames.consumerGroup(PIPELINE, s.name())).toList();
      Set<String> known = admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream()
          .map(g -> g.groupId()).collect(Collectors.toSet());
      List<String> stale = groups.stream().filter(known::contains).toList();
      if (!stale.isEmpty()) {
        admin.deleteConsumerGroups(stale).all().get(30, TimeUnit.SECONDS);
      }
    }
  }

  private void awaitRunning(Plan plan) throws Exception {
    FlinkRest flink = new FlinkRest(endpoints.flinkWebUrl());
    await("all jobs RUNNING", () -> quietly(() -> flink.jobs().stream()
        .filter(j -> j.name().startsWith(PIPELINE + "/") && j.state().equals("RUNNING")).count() == plan.stages().size()));
    say("All " + plan.stages().size() + " jobs are RUNNING");
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String key, byte[] value) {
    producer.send(new ProducerRecord<>(topic, key.getBytes(java.nio.charset.StandardCharsets.UTF_8), value));
  }

  private void say(String line) {
    out.println(line);
    out.flush();
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new CliException("the demo waited " + WAIT.toMinutes() + " min for " + what
            + " and gave up; see the jobs in the Flink web UI and ./baton logs taskmanager");
      }
      Thread.sleep(300);
    }
  }

  private interface Check {
    boolean get() throws Exception;
  }

  private static boolean quietly(Check check) {
    try {
      return check.get();
    } catch (Exception e) {
      return false;
    }
  }

  /** Decodes one topic's records, for printing. */
  static <T extends org.apache.avro.specific.SpecificRecord> List<T> decode(List<KafkaRecord> records, Class<T> type,
      RegistryConfig registry) {
    WireDecoder<T> decoder = WireDecoder.forSpecific(type, registry);
    decoder.open();
    try {
      return records.stream().map(r -> {
        try {
          return decoder.decode(r.value());
        } catch (DecodeException e) {
          throw new IllegalStateException("output of " + r.topic() + " does not decode: " + e.getMessage(), e);
        }
      }).toList();
    } finally {
      decoder.close();
    }
  }

  /** Dead letters of one topic counted by reason. */
  static Map<String, Long> byReason(List<KafkaRecord> letters) {
    return letters.stream().collect(Collectors.groupingBy(
        r -> r.lastHeader(BatonHeaders.REASON).orElse("?"), TreeMap::new, Collectors.counting()));
  }

}
