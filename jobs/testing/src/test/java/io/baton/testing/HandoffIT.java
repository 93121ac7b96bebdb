package io.baton.testing;

import static io.baton.testing.Sensors.reading;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.api.fn.Fn;
import io.baton.connectors.BatonHeaders;
import io.baton.connectors.InputOffsets;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.LineageEncoder;
import io.baton.connectors.LineagePointer;
import io.baton.connectors.Provenance;
import io.baton.schemas.wire.WireEncoder;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * Stages hand off through Kafka: independent stages run as concurrent jobs, a dependent stage reads its
 * upstream's topic, and every output names the exact records it came from.
 */
class HandoffIT {
  private static final Duration WAIT = Duration.ofMinutes(1);
  private static final String P = "handoff";

  /** readings → hot and cold (independent, both read readings; cold without lineage) ; hot → pairs (dependent). */
  static final class Fork implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named(P);
      Stage<Reading> readings = p.source("readings", Topic.of(P + ".in", Reading.class));
      Stage<Reading> hot = p.stage("hot", readings, Batch.each(), Fn.filter((Reading r) -> r.getCelsius() > 20));
      p.stage("cold", readings, Batch.each(), Fn.filter((Reading r) -> r.getCelsius() <= 20)).lineage(false);
      p.stage("pairs", hot, Batch.count(2).keyedBy(Reading::getSensorId), Sensors::summarize).version("7");
      return p;
    }
  }

  @Test
  void independentStagesRunAtOnceAndEveryOutputNamesItsInputs() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    long t0 = System.currentTimeMillis();
    double[] celsius = {25, 10, 30, 5, 21, 22};
    String[] sensors = {"a", "b", "a", "b", "a", "a"};
    try (RunningPipeline run = driver.start(new Fork())) {
      // Both independent stages are running jobs at the same moment.
      await().atMost(WAIT).until(() -> run.status("hot") == JobStatus.RUNNING && run.status("cold") == JobStatus.RUNNING);
      for (int i = 0; i < celsius.length; i++) {
        driver.pipe(P + ".in", reading(sensors[i], celsius[i], t0 + i), t0 + i);
      }
      List<Reading> hot = driver.read(P + ".hot", Reading.class, 4, WAIT);
      List<Reading> cold = driver.read(P + ".cold", Reading.class, 2, WAIT);
      assertThat(hot).extracting(Reading::getCelsius).containsExactly(25.0, 30.0, 21.0, 22.0);
      assertThat(cold).extracting(Reading::getCelsius).containsExactly(10.0, 5.0);
      assertThat(run.status("hot")).isEqualTo(JobStatus.RUNNING);
      assertThat(run.status("cold")).isEqualTo(JobStatus.RUNNING);
      assertThat(run.jobs().get("hot").getJobID()).isNotEqualTo(run.jobs().get("cold").getJobID());

      List<Summary> pairs = driver.read(P + ".pairs", Summary.class, 2, WAIT);
      assertThat(Sensors.digest(pairs)).containsExactly("a:2:43@" + (t0 + 4), "a:2:55@" + t0);

      // Walk every output back: pairs → hot → readings → the outside topic.
      Map<Long, KafkaRecord> in = byOffset(driver.readAllRaw(P + ".in"));
      Map<Long, KafkaRecord> readings = byOffset(driver.readAllRaw(P + ".readings"));
      Map<Long, KafkaRecord> hotRaw = byOffset(driver.readAllRaw(P + ".hot"));
      assertThat(in).hasSize(6);
      assertThat(readings).hasSize(6);

      for (KafkaRecord r : readings.values()) {
        long[] from = assertLineage(r, "1", P + ".in");
        assertThat(from).hasSize(1);
        // The source hands on the accepted bytes' record unchanged, under its own topic's schema.
        assertThat(decode(driver, r)).isEqualTo(decode(driver, in.get(from[0])));
      }
      for (KafkaRecord r : hotRaw.values()) {
        long[] from = assertLineage(r, "1", P + ".readings");
        assertThat(from).hasSize(1);
        assertThat(readings).containsKey(from[0]);
        assertThat(decode(driver, r)).isEqualTo(decode(driver, readings.get(from[0])));
      }
      // A stage with lineage off writes none; its outputs are otherwise the same.
      List<KafkaRecord> coldRaw = driver.readAllRaw(P + ".cold");
      assertThat(coldRaw).hasSize(2);
      assertThat(coldRaw).allSatisfy(r -> assertThat(r.headers()).extracting(h -> h.key())
          .doesNotContain(BatonHeaders.LINEAGE));
      List<KafkaRecord> pairsRaw = driver.readAllRaw(P + ".pairs");
      assertThat(pairsRaw).hasSize(2);
      for (int i = 0; i < pairsRaw.size(); i++) {
        long[] from = assertLineage(pairsRaw.get(i), "7", P + ".hot");
        // The inputs are exactly the two hot records the summary counted: same count, same sum.
        assertThat(from).hasSize(2);
        List<Reading> batch = Arrays.stream(from).mapToObj(o -> decode(driver, hotRaw.get(o))).toList();
        assertThat(batch.stream().mapToDouble(Reading::getCelsius).sum()).isEqualTo(pairs.get(i).getMeanCelsius());
        assertThat(batch).extracting(Reading::getSensorId).containsOnly("a");
      }
    }
  }

  /** readings → all, one batch per sensor for the whole bounded input. */
  static final class Everything implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named("handoff-big");
      Stage<Reading> readings = p.source("readings", Topic.of("handoff-big.in", Reading.class));
      p.stage("all", readings, Batch.count(1_000_000).keyedBy(Reading::getSensorId), Sensors::summarize);
      return p;
    }
  }

  @Test
  void aBatchOfScatteredInputsKeepsItsExactLineageWithinTheHeaderBudget() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    int records = 30_000;
    long t0 = System.currentTimeMillis();
    int id = driver.registryClient().register("handoff-big.in-value", Reading.getClassSchema());
    WireEncoder<Reading> encoder = WireEncoder.forSpecific(Reading.class, id);
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, driver.bootstrapServers());
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    try (KafkaProducer<byte[], byte[]> producer =
             new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      // Two sensors taking turns: each one's inputs are every other offset, which no range can summarise.
      for (int i = 0; i < records; i++) {
        Reading r = reading(i % 2 == 0 ? "a" : "b", 1, t0 + i);
        producer.send(new ProducerRecord<>("handoff-big.in", null, t0 + i, null, encoder.encode(r)));
      }
    }
    driver.runBounded(new Everything(), WAIT);

    List<KafkaRecord> out = driver.readAllRaw("handoff-big.all");
    assertThat(out).hasSize(2);
    Map<Long, KafkaRecord> handoff = byOffset(driver.readAllRaw("handoff-big.readings"));
    for (KafkaRecord r : out) {
      Summary s = Decoding.one(driver, r, Summary.class);
      assertThat(s.getCount()).isEqualTo(records / 2);
      byte[] header = r.headers().stream().filter(h -> h.key().equals(BatonHeaders.LINEAGE)).findFirst()
          .orElseThrow().value();
      // As text the exact offsets took ~90 000 characters and fell back to a span; in binary they are two
      // bytes per input and stay exact within the budget.
      assertThat(header.length).isLessThanOrEqualTo(LineageEncoder.MAX_BYTES);
      InputOffsets inputs = PipelineTestDriver.lineage(new Everything(), r).orElseThrow().inputs();
      assertThat(inputs.isExact()).isTrue();
      assertThat(inputs.partitions()).extracting(tp -> tp.topic() + ":" + tp.partition())
          .containsExactly("handoff-big.readings:0");
      // Exactly the handoff records of this summary's sensor, found by decoding them.
      long[] expected = handoff.values().stream()
          .filter(h -> Decoding.one(driver, h, Reading.class).getSensorId().equals(s.getSensorId()))
          .mapToLong(KafkaRecord::offset).toArray();
      assertThat(inputs.offsets("handoff-big.readings", 0)).containsExactly(expected);
    }
  }

  /** readings → all, as {@link Everything}, in a pipeline of its own. */
  static final class Huge implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named("handoff-huge");
      Stage<Reading> readings = p.source("readings", Topic.of("handoff-huge.in", Reading.class));
      p.stage("all", readings, Batch.count(1_000_000).keyedBy(Reading::getSensorId), Sensors::summarize);
      return p;
    }
  }

  @Test
  void aBatchPastTheHeaderBudgetPointsToItsExactInputsInTheLineageTopic() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    // 40 000 inputs a sensor at every other offset: about 80 KB exact, past the 64 KiB budget.
    int records = 80_000;
    produceInterleaved(driver, "handoff-huge.in", records);
    driver.runBounded(new Huge(), WAIT);

    List<KafkaRecord> out = driver.readAllRaw("handoff-huge.all");
    assertThat(out).hasSize(2);
    // The test's own bookkeeping: which handoff offsets hold which sensor, by decoding every handoff record.
    Map<String, List<Long>> offsetsBySensor = driver.readAllRaw("handoff-huge.readings").stream().collect(
        Collectors.groupingBy(h -> decode(driver, h).getSensorId(), TreeMap::new,
            Collectors.mapping(KafkaRecord::offset, Collectors.toList())));
    assertThat(offsetsBySensor.values()).allSatisfy(o -> assertThat(o).hasSize(records / 2));
    List<KafkaRecord> lineageRecords = driver.readAllRaw("handoff-huge.lineage");
    for (KafkaRecord r : out) {
      Summary s = Decoding.one(driver, r, Summary.class);
      LineagePointer pointer = LineagePointer.fromHeaders(r.headers()).orElseThrow();
      assertThat(r.headers()).filteredOn(h -> h.key().equals(BatonHeaders.LINEAGE)).singleElement()
          .satisfies(h -> assertThat(h.value().length).isLessThan(200));
      assertThat(pointer.topic()).isEqualTo("handoff-huge.lineage");
      assertThat(pointer.inputCount()).isEqualTo(records / 2);
      // Its lineage record is committed on the partition the pointer names, under its key.
      assertThat(lineageRecords).filteredOn(l -> new String(l.key(), UTF_8).equals(pointer.key() + "/0"))
          .singleElement().satisfies(l -> assertThat(l.partition()).isEqualTo(pointer.partition()));

      Provenance p = driver.lineageOf(new Huge(), r).orElseThrow();
      assertThat(p.stageVersion()).isEqualTo("1");
      assertThat(p.inputs().isExact()).isTrue();
      assertThat(p.inputs().partitions()).extracting(tp -> tp.topic() + ":" + tp.partition())
          .containsExactly("handoff-huge.readings:0");
      assertThat(p.inputs().offsets("handoff-huge.readings", 0))
          .containsExactly(offsetsBySensor.get(s.getSensorId()).stream().mapToLong(Long::longValue).toArray());
    }
    assertThat(lineageRecords).hasSize(2);
  }

  /** Writes {@code records} readings of sensors a and b taking turns, so each one's offsets are every other one. */
  private static void produceInterleaved(PipelineTestDriver driver, String topic, int records) throws Exception {
    long t0 = System.currentTimeMillis();
    int id = driver.registryClient().register(topic + "-value", Reading.getClassSchema());
    WireEncoder<Reading> encoder = WireEncoder.forSpecific(Reading.class, id);
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, driver.bootstrapServers());
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    try (KafkaProducer<byte[], byte[]> producer =
             new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < records; i++) {
        Reading r = reading(i % 2 == 0 ? "a" : "b", 1, t0 + i);
        producer.send(new ProducerRecord<>(topic, null, t0 + i, null, encoder.encode(r)));
      }
    }
  }

  /**
   * Checks an output's lineage: one compact header, the stage version, and exact inputs all on partition 0
   * of {@code upstream}, whose offsets it returns.
   */
  private static long[] assertLineage(KafkaRecord r, String version, String upstream) {
    assertThat(r.headers()).filteredOn(h -> h.key().equals(BatonHeaders.LINEAGE)).singleElement()
        .satisfies(h -> assertThat(h.value().length).isLessThanOrEqualTo(16));
    Provenance p = PipelineTestDriver.lineage(new Fork(), r).orElseThrow();
    assertThat(p.stageVersion()).isEqualTo(version);
    InputOffsets inputs = p.inputs();
    assertThat(inputs.isExact()).isTrue();
    assertThat(inputs.partitions()).extracting(tp -> tp.topic() + ":" + tp.partition()).containsExactly(upstream + ":0");
    return inputs.offsets(upstream, 0);
  }

  private static Map<Long, KafkaRecord> byOffset(List<KafkaRecord> records) {
    return records.stream().collect(Collectors.toMap(KafkaRecord::offset, Function.identity(), (a, b) -> a,
        TreeMap::new));
  }

  private static Reading decode(PipelineTestDriver driver, KafkaRecord r) {
    return Decoding.one(driver, r, Reading.class);
  }
}
