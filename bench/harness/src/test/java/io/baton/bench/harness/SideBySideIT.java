package io.baton.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.connectors.KafkaRecord;
import io.baton.connectors.TopicReader;
import io.baton.testing.PipelineTestDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A smoke run of the harness, so it cannot rot: small N, one round, every side of every workload (side N, lineage
 * off, once the lineage switch is wired); no timing is asserted, only that each side's output is right.
 */
class SideBySideIT {
  private static final int RECORDS = 2_000;
  private static PipelineTestDriver driver;

  @BeforeAll
  static void servers() throws Exception {
    driver = PipelineTestDriver.start();
  }

  @AfterAll
  static void stop() throws Exception {
    driver.close();
  }

  @Test
  void everySideOfEveryWorkloadGetsItRight() throws Exception {
    Map<Workload, List<RunResult>> results = new SideBySide(driver, System.out::println)
        .run(List.of(Workload.PASS_THROUGH, Workload.KEYED_COUNT, Workload.NEXMARK_Q7, Workload.NEXMARK_Q5), RECORDS, 0,
            1, SideBySide.ALL_SIDES, Duration.ofMinutes(2));

    List<RunResult> copies = results.get(Workload.PASS_THROUGH);
    List<String> copiers = List.of("A baton", "B flink", "C streams", "D loop", "N nolineage");
    assertThat(copies).extracting(RunResult::side).containsExactlyElementsOf(copiers);
    List<String> input = bodies(SideBySide.INPUT_TOPIC);
    assertThat(input).hasSize(RECORDS);
    for (RunResult r : copies) {
      assertThat(r.verdict().outputRecords()).as(r.side() + " copied").isEqualTo(RECORDS);
      assertThat(r.outputOk()).as(r.side() + " " + r.verdict().note()).isTrue();
      assertThat(bodies(r.output())).as(r.side() + " values").containsExactlyInAnyOrderElementsOf(input);
    }

    List<RunResult> counts = results.get(Workload.KEYED_COUNT);
    assertThat(counts).extracting(RunResult::side).containsExactly("A baton", "B flink", "C streams");
    assertThat(counts).allSatisfy(r -> assertThat(r.outputOk()).as(r.side() + " " + r.verdict().note()).isTrue());
    assertThat(bodies(counts.get(0).output())).as("A and B counted alike")
        .containsExactlyInAnyOrderElementsOf(bodies(counts.get(1).output()));

    List<RunResult> q7 = results.get(Workload.NEXMARK_Q7);
    assertThat(q7).extracting(RunResult::side).containsExactly("A baton", "B flink-sql");
    assertThat(q7).allSatisfy(r -> assertThat(r.outputOk()).as(r.side() + " " + r.verdict().note()).isTrue());
    assertThat(bodies(q7.get(0).output())).as("Baton and Flink SQL found the same highest bids")
        .isNotEmpty().containsExactlyInAnyOrderElementsOf(bodies(q7.get(1).output()));

    List<RunResult> q5 = results.get(Workload.NEXMARK_Q5);
    assertThat(q5).extracting(RunResult::side).containsExactly("A baton", "B flink-sql");
    assertThat(q5).allSatisfy(r -> assertThat(r.outputOk()).as(r.side() + " " + r.verdict().note()).isTrue());
    assertThat(bodies(q5.get(0).output())).as("Baton and Flink SQL found the same hottest auctions")
        .isNotEmpty().containsExactlyInAnyOrderElementsOf(bodies(q5.get(1).output()));
  }

  /** The Avro bodies of a topic's committed values (a copy may carry another schema id in its header). */
  private static List<String> bodies(String topic) {
    List<String> bodies = new ArrayList<>();
    try (TopicReader reader = new TopicReader(driver.bootstrapServers())) {
      for (KafkaRecord r : reader.readCommitted(topic)) {
        bodies.add(Base64.getEncoder().encodeToString(ValueDigest.body(r.value())));
      }
    }
    return bodies;
  }
}
