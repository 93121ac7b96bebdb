package io.baton.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.connectors.KafkaRecord;
import io.baton.connectors.TopicReader;
import io.baton.testing.PipelineTestDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A smoke run of the harness, so it cannot rot: small N, one round, every side; no timing is asserted. */
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
  void everySideCopiesExactlyTheInput() throws Exception {
    List<RunResult> results = new SideBySide(driver, System.out::println)
        .run(RECORDS, 1, SideBySide.ALL_SIDES, Duration.ofMinutes(2));

    assertThat(results).extracting(RunResult::side).containsExactly("A baton", "B flink", "C streams", "D loop");
    List<String> input = bodies(SideBySide.INPUT_TOPIC);
    assertThat(input).hasSize(RECORDS);
    for (RunResult r : results) {
      assertThat(r.copied().count()).as(r.side() + " copied").isEqualTo(RECORDS);
      assertThat(r.outputEqualsInput()).as(r.side() + " digest").isTrue();
      assertThat(bodies(r.output())).as(r.side() + " values").containsExactlyInAnyOrderElementsOf(input);
    }
    assertThat(ThroughputReport.of(results).lines()).hasSize(1 + 4 + 3);
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
