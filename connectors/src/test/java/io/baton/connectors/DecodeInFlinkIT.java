package io.baton.connectors;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.schemas.wire.DecodeException;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.wire.WireDecoder;
import io.baton.schemas.wire.WireEncoder;
import io.baton.schemas.sensor.Reading;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The wire decoder inside a Flink operator: good records hand off, bad ones become dead letters with reasons. */
class DecodeInFlinkIT {
  private static final RegistryConfig REGISTRY = RegistryConfig.inMemory("decode-in-flink-it");

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

  private static KafkaTestCluster kafka;

  @BeforeAll
  static void start() throws Exception {
    kafka = KafkaTestCluster.start();
  }

  @AfterAll
  static void stop() throws Exception {
    kafka.close();
    SchemaRegistry.dropInMemory("decode-in-flink-it");
  }

  /** Accepts records that decode as {@link Reading}; dead-letters the rest with the decoder's reason. */
  static final class DecodeOrDeadLetter extends RichMapFunction<KafkaRecord, OutRecord> {
    private final WireDecoder<Reading> decoder = WireDecoder.forSpecific(Reading.class, REGISTRY);
    private final DeadLetter deadLetters = DeadLetter.forStage("it", "decode", "it.decode.dead-letter");

    @Override
    public void open(OpenContext context) {
      decoder.open();
    }

    @Override
    public OutRecord map(KafkaRecord in) {
      try {
        Reading reading = decoder.decode(in.value());
        return OutRecord.builder().key(reading.getSensorId().getBytes(UTF_8)).value(in.value())
            .headers(Provenance.of("1", InputOffsets.of(in.topic(), in.partition(), in.offset())).toHeaders(List.of(in.topic())))
            .build();
      } catch (DecodeException e) {
        return deadLetters.record(in, DeadLetterReason.parse(e.reason()), e.getMessage());
      }
    }

    @Override
    public void close() {
      decoder.close();
    }
  }

  @Test
  void badBytesAreDeadLetteredAsMalformedOrSchemaAndGoodOnesHandOff() throws Exception {
    kafka.createTopics(1, "avro.in", "avro.out", "it.decode.dead-letter");
    int id;
    try (SchemaRegistry registry = SchemaRegistry.connect(REGISTRY)) {
      id = registry.register("avro.in-value", Reading.getClassSchema());
    }
    WireEncoder<Reading> encoder = WireEncoder.forSpecific(Reading.class, id);
    try (KafkaProducer<byte[], byte[]> producer = kafka.transactionalProducer("avro-input")) {
      producer.beginTransaction();
      for (int i = 0; i < 50; i++) {
        producer.send(new ProducerRecord<>("avro.in", encoder.encode(new Reading("s" + i, i * 1.5, 1_000L + i))));
      }
      producer.send(new ProducerRecord<>("avro.in", "plain text".getBytes(UTF_8)));
      producer.send(new ProducerRecord<>("avro.in", new byte[] {0, 1}));
      byte[] good = encoder.encode(new Reading("truncated", 1.0, 1L));
      producer.send(new ProducerRecord<>("avro.in", Arrays.copyOf(good, good.length - 4)));
      producer.send(new ProducerRecord<>("avro.in", WireEncoder.forSpecific(Reading.class, 9_999).encode(new Reading("x", 1.0, 1L))));
      producer.commitTransaction();
    }

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(300);
    env.fromSource(HandoffSource.builder().bootstrapServers(kafka.bootstrapServers()).topics("avro.in").groupId("decode")
            .bounded().build(), WatermarkStrategy.noWatermarks(), "handoff <- avro.in")
        .map(new DecodeOrDeadLetter()).name("accept avro.in")
        .sinkTo(HandoffSink.builder().bootstrapServers(kafka.bootstrapServers()).defaultTopic("avro.out")
            .exactlyOnce("it-decode").build()).name("handoff -> avro.out");
    env.execute("it/decode");

    List<ConsumerRecord<byte[], byte[]>> out = kafka.readCommitted("avro.out");
    assertThat(out).hasSize(50);
    WireDecoder<Reading> check = WireDecoder.forSpecific(Reading.class, REGISTRY);
    assertThat(check.decode(out.get(0).value()).getSensorId()).isEqualTo(new String(out.get(0).key(), UTF_8));
    check.close();

    Map<String, List<String>> errorsByReason = kafka.readCommitted("it.decode.dead-letter").stream()
        .collect(Collectors.groupingBy(r -> new String(r.headers().lastHeader(BatonHeaders.REASON).value(), UTF_8),
            Collectors.mapping(r -> new String(r.headers().lastHeader(BatonHeaders.ERROR).value(), UTF_8), Collectors.toList())));
    assertThat(errorsByReason.keySet()).containsExactlyInAnyOrder("malformed", "schema");
    assertThat(errorsByReason.get("malformed")).containsExactlyInAnyOrder(
        "magic byte is 0x70, expected 0x00 (not Confluent-framed Avro)",
        "value has 2 byte(s), fewer than the 5-byte Confluent header",
        "cannot decode with writer schema id " + id + ": truncated: double needs 8 byte(s), 5 left at byte 15");
    assertThat(errorsByReason.get("schema")).containsExactly("unknown schema id 9999: the registry has no such schema");
  }
}
