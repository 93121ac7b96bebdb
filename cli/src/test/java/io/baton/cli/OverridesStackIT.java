package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.connectors.KafkaRecord;
import io.baton.connectors.RunId;
import io.baton.connectors.TopicReader;
import io.baton.examples.nexmark.NexmarkEvent;
import io.baton.examples.nexmark.NexmarkGenerator;
import io.baton.flink.deploy.FlinkRest;
import io.baton.schemas.nexmark.Bid;
import io.baton.schemas.nexmark.HighestBid;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.wire.WireDecoder;
import io.baton.stack.Ports;
import io.baton.stack.StackEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --overrides} through the CLI on the real local stack (free ports, temporary state folder): the stage jobs on
 * the session cluster get the overrides as a program argument and run the overridden policy; {@code pipelines
 * --context local} marks the pipeline that runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OverridesStackIT {
  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
  private static final long WINDOW_MILLIS = 30_000L;

  @TempDir
  static Path home;

  private final Ports ports = Ports.freeEphemeral();
  private final StackEndpoints endpoints = StackEndpoints.of(ports);

  @AfterAll
  void neverLeaveServersBehind() {
    baton("down");
  }

  private CliRun baton(String... command) {
    String[] args = java.util.Arrays.copyOf(command, command.length + 2);
    args[command.length] = "--home";
    args[command.length + 1] = home.toString();
    return CliRun.of(args);
  }

  @Test
  @Order(1)
  void upOnFreePorts() {
    CliRun up = CliRun.up(home, ports);
    assertThat(up.exitCode()).as(up.err()).isZero();
  }

  @Test
  @Order(2)
  void aBoundedRunWithAnOverriddenWindowWritesTheOverriddenWindows() throws Exception {
    CliRun feed = baton("feed", "nexmark", "--events", "2000", "--seed", "11", "--events-per-second", "20",
        "--start", START.toString());
    assertThat(feed.exitCode()).as(feed.err()).isZero();
    List<Bid> bids = NexmarkGenerator.builder().seed(11).startAt(START.toEpochMilli()).eventsPerSecond(20).build()
        .events().limit(2_000).filter(e -> e.kind() == NexmarkEvent.Kind.BID).map(e -> (Bid) e.record()).toList();
    // The highest price per 30 s window, as plain Java finds it; the definition's own 10 s windows would differ.
    Map<Long, Long> expected = highestPerWindow(bids, WINDOW_MILLIS);
    assertThat(expected).hasSizeGreaterThanOrEqualTo(3).isNotEqualTo(highestPerWindow(bids, 10_000L));

    Path overrides = Files.writeString(home.resolve("thirty.yaml"), "stages:\n  highest-bid:\n    batch: {size: 30s}\n");
    assertThat(CliRun.of("plan", "nexmark-highest-bid", "--overrides", overrides.toString()).out())
        .contains("    batch      Batch.every(PT30S)\n", "    overrides  batch.size=PT30S\n");
    CliRun run = baton("run", "nexmark-highest-bid", "--bounded", "--overrides", overrides.toString());
    assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
    Matcher id = Pattern.compile("bounded run (\\S+) ").matcher(run.out());
    assertThat(id.find()).as(run.out()).isTrue();

    Map<Long, Long> written = new TreeMap<>();
    try (TopicReader reader = new TopicReader(endpoints.kafkaBootstrapServers());
         WireDecoder<HighestBid> decoder = WireDecoder.forSpecific(HighestBid.class,
             RegistryConfig.of(endpoints.registryUrl()))) {
      decoder.open();
      for (KafkaRecord r : reader.readCommitted("nexmark-highest-bid.highest-bid")) {
        if (RunId.fromHeaders(r.headers()).map(RunId::toString).orElse("").equals(id.group(1))) {
          HighestBid h = decoder.decode(r.value());
          assertThat(written.put(h.getWindowStart(), h.getPrice())).as("one highest bid per window").isNull();
        }
      }
    }
    assertThat(written).isEqualTo(expected);
  }

  @Test
  @Order(3)
  void pipelinesWithTheLocalContextMarksTheOneThatRuns() throws Exception {
    CliRun run = baton("run", "nexmark-hot-items");
    assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
    FlinkRest flink = new FlinkRest(endpoints.flinkWebUrl());
    await("the nexmark-hot-items jobs run").atMost(Duration.ofSeconds(60)).until(() -> flink.jobs().stream()
        .filter(j -> j.name().startsWith("nexmark-hot-items/") && j.state().equals("RUNNING")).count() == 3);

    CliRun pipelines = baton("pipelines", "--context", "local");
    assertThat(pipelines.exitCode()).as(pipelines.err()).isZero();
    assertThat(pipelines.out()).containsPattern("(?m)^  nexmark-hot-items +\\S+  \\(runs on local: 3 jobs\\)$")
        .containsPattern("(?m)^  nexmark-highest-bid +\\S+$");
    assertThat(pipelines.err()).isEmpty();
    assertThat(baton("stop", "nexmark-hot-items").exitCode()).isZero();
  }

  private static Map<Long, Long> highestPerWindow(List<Bid> bids, long window) {
    return bids.stream().collect(Collectors.groupingBy(b -> Math.floorDiv(b.getDateTime(), window) * window,
        TreeMap::new, Collectors.mapping(Bid::getPrice, Collectors.reducing(Long.MIN_VALUE, Math::max))));
  }
}
