package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.connectors.InputOffsets;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.LineageEncoder;
import io.baton.connectors.TopicReader;
import io.baton.schemas.nexmark.Bid;
import io.baton.schemas.nexmark.HighestBid;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.wire.WireDecoder;
import io.baton.schemas.wire.WireEncoder;
import io.baton.stack.Ports;
import io.baton.stack.StackEndpoints;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real local stack: a window of Nexmark Q7 whose 40 000 bids sit at every other offset (the other window's bids
 * in between), so its exact inputs pass the 64 KiB header budget. {@code baton trace} still walks it back to exactly
 * those bids, read from the pipeline's lineage topic; {@code baton tail --headers} shows the pointer.
 */
class TraceLineageTopicIT {
  private static final String BIDS = "nexmark.bids";
  private static final String OUT = "nexmark-highest-bid.highest-bid";
  private static final String HANDOFF = "nexmark-highest-bid.bids";
  private static final long W0 = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
  private static final int PER_WINDOW = 40_000;

  @TempDir
  Path home;

  private final Ports ports = Ports.freeEphemeral();
  private final StackEndpoints endpoints = StackEndpoints.of(ports);
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void neverLeaveServersBehind() {
    CliRun.at(home, "down");
  }

  private CliRun baton(String... args) {
    CliRun run = CliRun.at(home, args);
    assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err() + run.out()).isZero();
    return run;
  }

  @Test
  void traceReturnsExactlyTheBidsOfAWindowPastTheHeaderBudget() throws Exception {
    Instant started = Instant.now();
    assertThat(CliRun.up(home, ports).exitCode()).isZero();
    List<Long> firstWindow = new ArrayList<>();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()));
         SchemaRegistry registry = SchemaRegistry.connect(RegistryConfig.of(endpoints.registryUrl()));
         KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
             endpoints.kafkaBootstrapServers(), "linger.ms", 20), new ByteArraySerializer(), new ByteArraySerializer())) {
      admin.createTopics(List.of(new NewTopic(BIDS, 1, (short) 1))).all().get();
      WireEncoder<Bid> encoder = WireEncoder.forSpecific(Bid.class, registry.register(BIDS + "-value", Bid.getClassSchema()));
      // Bids of the windows [W0, W0+10s) and [W0+10s, W0+20s) taking turns; the test's own record of the first's offsets.
      List<Future<RecordMetadata>> first = new ArrayList<>();
      for (int i = 0; i < 2 * PER_WINDOW; i++) {
        boolean inFirst = i % 2 == 0;
        long time = inFirst ? W0 + (i / 2) % 9_000 : W0 + 10_000 + (i / 2) % 9_000;
        Bid bid = new Bid((long) i % 97, (long) i, 100L + i, "web", "u", time, "");
        Future<RecordMetadata> sent = producer.send(new ProducerRecord<>(BIDS, 0, time, null, encoder.encode(bid)));
        if (inFirst) {
          first.add(sent);
        }
      }
      for (Future<RecordMetadata> f : first) {
        firstWindow.add(f.get().offset());
      }
    }
    baton("run", "nexmark-highest-bid", "--bounded");

    KafkaRecord window;
    try (TopicReader reader = new TopicReader(endpoints.kafkaBootstrapServers());
         WireDecoder<HighestBid> decoder = WireDecoder.forSpecific(HighestBid.class, RegistryConfig.of(endpoints.registryUrl()))) {
      decoder.open();
      List<KafkaRecord> out = reader.readCommitted(OUT);
      assertThat(out).hasSize(2);
      KafkaRecord first = null;
      for (KafkaRecord r : out) {
        first = decoder.decode(r.value()).getWindowStart() == W0 ? r : first;
      }
      assertThat(first).as("the first window's highest bid").isNotNull();
      window = first;
      assertThat(window.headers()).filteredOn(h -> h.key().equals("baton.lineage")).singleElement()
          .satisfies(h -> assertThat(h.value().length).as("a pointer, not the set").isLessThan(LineageEncoder.MAX_BYTES / 100));
    }

    JsonNode trace = json.readTree(baton("trace", OUT, "" + window.partition(), "" + window.offset(), "--json").out());
    JsonNode hops = trace.get("hops");
    assertThat(hops).extracting(h -> h.get("stage").asText()).containsExactly("highest-bid", "bids");
    JsonNode batch = hops.get(0);
    assertThat(batch.get("inputCount").asLong()).isEqualTo(PER_WINDOW);
    assertThat(batch.get("exact").asBoolean()).isTrue();
    assertThat(batch.get("notes").get(0).asText()).startsWith(
        "exact inputs read from the lineage topic (the batch passed the header budget): nexmark-highest-bid.lineage:");
    InputOffsets.Builder expected = InputOffsets.builder();
    firstWindow.forEach(o -> expected.add(BIDS, 0, o));
    JsonNode source = hops.get(1);
    assertThat(source.get("raw").asBoolean()).isTrue();
    assertThat(InputOffsets.decode(source.get("inputs").asText())).isEqualTo(expected.build());
    assertThat(InputOffsets.decode(batch.get("inputs").asText()).partitions())
        .extracting(tp -> tp.topic() + ":" + tp.partition()).containsExactly(HANDOFF + ":0");

    String text = baton("trace", OUT, "" + window.partition(), "" + window.offset()).out();
    System.out.print(text);
    assertThat(text.lines()).anySatisfy(l -> assertThat(l).startsWith("hop 1  highest-bid  ")
        .contains("← " + PER_WINDOW + " inputs: " + HANDOFF + ":0:"));
    assertThat(text.lines()).anySatisfy(l -> assertThat(l).startsWith("hop 2  bids  ")
        .contains("← " + PER_WINDOW + " raw source records: " + BIDS + ":0:0,2,4,"));

    String tail = baton("tail", OUT, "--headers").out();
    System.out.print(tail);
    assertThat(tail).containsPattern("    baton.lineage: stage highest-bid, version 1, " + PER_WINDOW
        + " inputs in the lineage topic nexmark-highest-bid\\.lineage:[0-3], key highest-bid/[0-9a-f]{64}\n");
    System.out.printf("TraceLineageTopicIT took %d s%n", Duration.between(started, Instant.now()).toSeconds());
  }
}
