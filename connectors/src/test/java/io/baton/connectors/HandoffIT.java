package io.baton.connectors;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Handoff source and sink on a real KRaft broker and a Flink MiniCluster. */
class HandoffIT {
  private static final String PIPELINE = "it";
  private static final String STAGE = "copy";

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static KafkaTestCluster kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = KafkaTestCluster.start();
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }

  /** Copies good records with provenance, dead-letters values starting with "bad". */
  static final class CopyOrReject implements MapFunction<KafkaRecord, OutRecord> {
    private final DeadLetter deadLetters = DeadLetter.forStage(PIPELINE, STAGE, PIPELINE + "." + STAGE + ".dead-letter");

    @Override
    public OutRecord map(KafkaRecord in) {
      if (new String(in.value(), UTF_8).startsWith("bad")) {
        return deadLetters.record(in, DeadLetterReason.rule("no-bad"), "value starts with bad");
      }
      Provenance provenance = Provenance.of("1", InputOffsets.of(in.topic(), in.partition(), in.offset()));
      return OutRecord.builder().key(in.key()).value(in.value()).timestamp(in.timestamp())
          .headers(provenance.toHeaders(List.of(in.topic()))).build();
    }
  }

  /** Writes {@code good} good and {@code bad} bad records in committed transactions, plus one aborted one. */
  private static void produceInput(String topic, int first, int good, int bad) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = kafka.transactionalProducer("input-" + topic + "-" + first)) {
      producer.beginTransaction();
      for (int i = 0; i < 25; i++) {
        producer.send(new ProducerRecord<>(topic, i % 2, 0L, ("k" + i).getBytes(UTF_8), ("aborted-" + i).getBytes(UTF_8)));
      }
      producer.flush();
      producer.abortTransaction();
      for (int batch = 0; batch < 2; batch++) {
        producer.beginTransaction();
        for (int i = first + batch; i < first + good; i += 2) {
          ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, i % 2, 1_000L + i, ("k" + i).getBytes(UTF_8),
              ("good-" + i).getBytes(UTF_8), List.of(new RecordHeader("origin", "test".getBytes(UTF_8))));
          producer.send(r);
        }
        producer.commitTransaction();
      }
      producer.beginTransaction();
      for (int i = 0; i < bad; i++) {
        producer.send(new ProducerRecord<>(topic, i % 2, 2_000L, ("b" + first + "-" + i).getBytes(UTF_8),
            ("bad-" + first + "-" + i).getBytes(UTF_8), List.of(new RecordHeader("origin", "test".getBytes(UTF_8)))));
      }
      producer.commitTransaction();
    }
  }

  private static void runCopy(String in, String out, String group, RuntimeExecutionMode mode, KafkaSink<OutRecord> sink)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setRuntimeMode(mode);
    env.setParallelism(2);
    if (mode == RuntimeExecutionMode.STREAMING) {
      env.enableCheckpointing(Duration.ofMillis(300).toMillis());
    }
    env.fromSource(HandoffSource.builder().bootstrapServers(kafka.bootstrapServers()).topics(in).groupId(group).bounded().build(),
            WatermarkStrategy.noWatermarks(), "handoff <- " + in)
        .map(new CopyOrReject()).name("accept " + in)
        .sinkTo(sink).name("handoff -> " + out);
    env.execute(PIPELINE + "/" + STAGE + " " + in);
  }

  private static KafkaSink<OutRecord> exactlyOnceSink(String out) {
    return HandoffSink.builder().bootstrapServers(kafka.bootstrapServers()).defaultTopic(out).exactlyOnce("it-" + out).build();
  }

  private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream().map(r -> new String(r.value(), UTF_8)).toList();
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String key) {
    org.apache.kafka.common.header.Header h = r.headers().lastHeader(key);
    return h == null ? null : new String(h.value(), UTF_8);
  }

  private static Set<String> expectedGood(int first, int count) {
    Set<String> values = new HashSet<>();
    for (int i = first; i < first + count; i++) {
      values.add("good-" + i);
    }
    return values;
  }

  @Test
  void exactlyOnceHandoffDeliversEveryAcceptedRecordOnceAndDeadLettersTheRest() throws Exception {
    kafka.createTopics(2, "eo.in", "eo.out", PIPELINE + "." + STAGE + ".dead-letter");
    produceInput("eo.in", 0, 400, 10);

    runCopy("eo.in", "eo.out", "eo-group", RuntimeExecutionMode.STREAMING, exactlyOnceSink("eo.out"));

    List<ConsumerRecord<byte[], byte[]>> out = kafka.readCommitted("eo.out");
    assertThat(values(out)).hasSize(400).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expectedGood(0, 400));
    Set<String> inputs = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> r : out) {
      Provenance p = Provenance.fromHeaders(KafkaRecord.from(r).headers(), List.of("eo.in")).orElseThrow();
      assertThat(p.stageVersion()).isEqualTo("1");
      assertThat(p.inputs().count()).isEqualTo(1);
      inputs.add(p.inputs().encode());
      assertThat(new String(r.key(), UTF_8)).isEqualTo("k" + new String(r.value(), UTF_8).substring(5));
    }
    assertThat(inputs).hasSize(400).allMatch(s -> s.startsWith("eo.in:"));

    List<ConsumerRecord<byte[], byte[]>> dead = kafka.readCommitted(PIPELINE + "." + STAGE + ".dead-letter");
    assertThat(values(dead)).hasSize(10).allMatch(v -> v.startsWith("bad-0-"));
    for (ConsumerRecord<byte[], byte[]> r : dead) {
      String value = new String(r.value(), UTF_8);
      assertThat(new String(r.key(), UTF_8)).isEqualTo("b" + value.substring(4));
      assertThat(r.timestamp()).isEqualTo(2_000L);
      assertThat(header(r, "origin")).isEqualTo("test");
      assertThat(header(r, BatonHeaders.REASON)).isEqualTo("rule:no-bad");
      assertThat(header(r, BatonHeaders.RULE)).isEqualTo("no-bad");
      assertThat(header(r, BatonHeaders.ERROR)).isEqualTo("value starts with bad");
      assertThat(header(r, BatonHeaders.SOURCE_TOPIC)).isEqualTo("eo.in");
      assertThat(Integer.parseInt(header(r, BatonHeaders.SOURCE_PARTITION))).isBetween(0, 1);
      assertThat(Long.parseLong(header(r, BatonHeaders.SOURCE_OFFSET))).isNotNegative();
      assertThat(header(r, BatonHeaders.STAGE)).isEqualTo(STAGE);
      assertThat(header(r, BatonHeaders.TIME)).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }
  }

  @Test
  void boundedRunReadsAllThatIsThereWhateverTheGroupCommitted() throws Exception {
    kafka.createTopics(2, "resume.in", "resume.out");
    produceInput("resume.in", 0, 100, 0);
    runCopy("resume.in", "resume.out", "resume-group", RuntimeExecutionMode.STREAMING, exactlyOnceSink("resume.out"));
    produceInput("resume.in", 100, 20, 0);

    // The first run committed its offsets; a bounded run still reads the topic from its start.
    runCopy("resume.in", "resume.out", "resume-group", RuntimeExecutionMode.STREAMING, exactlyOnceSink("resume.out"));

    List<String> out = values(kafka.readCommitted("resume.out"));
    assertThat(out).hasSize(220);
    assertThat(out.stream().distinct().toList()).containsExactlyInAnyOrderElementsOf(expectedGood(0, 120));
  }


  @Test
  void batchModeRunDeliversExactlyOnce() throws Exception {
    kafka.createTopics(2, "batch.in", "batch.out");
    produceInput("batch.in", 0, 300, 0);

    runCopy("batch.in", "batch.out", "batch-group", RuntimeExecutionMode.BATCH, exactlyOnceSink("batch.out"));

    assertThat(values(kafka.readCommitted("batch.out")))
        .hasSize(300).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expectedGood(0, 300));
  }

  @Test
  void atLeastOnceSinkDeliversEveryRecord() throws Exception {
    kafka.createTopics(2, "alo.in", "alo.out");
    produceInput("alo.in", 0, 200, 0);

    runCopy("alo.in", "alo.out", "alo-group", RuntimeExecutionMode.STREAMING,
        HandoffSink.builder().bootstrapServers(kafka.bootstrapServers()).defaultTopic("alo.out").atLeastOnce().build());

    List<String> values = new ArrayList<>(values(kafka.readCommitted("alo.out")));
    assertThat(new HashSet<>(values)).isEqualTo(expectedGood(0, 200));
  }
}
