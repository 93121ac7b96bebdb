package io.baton.testing;

import static io.baton.testing.Sensors.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.api.fn.Fn;
import io.baton.connectors.KafkaRecord;
import io.baton.schemas.sensor.Reading;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An output's Kafka key is its input's key through an unkeyed stage ({@code each}: a source, a map) and the batch key
 * after a keyed batch, so downstream partitioning and compaction keep working.
 */
class OutputKeysIT {
  private static final String P = "keys";

  /** readings (source) → copy (map) → pairs (count(2) per sensor). */
  static final class KeyedChain implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named(P);
      Stage<Reading> readings = p.source("readings", Topic.of(P + ".in", Reading.class));
      Stage<Reading> copy = p.stage("copy", readings, Batch.each(), Fn.map((Reading r) -> r));
      p.stage("pairs", copy, Batch.count(2).keyedBy(Reading::getSensorId), Sensors::summarize);
      return p;
    }
  }

  @Test
  void unkeyedStagesKeepTheInputKeyAndKeyedBatchesWriteTheBatchKey() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    String[] sensors = {"a", "b", "a", "b"};
    List<String> inputKeys = new ArrayList<>();
    for (int i = 0; i < sensors.length; i++) {
      String key = "order-" + (100 + i);
      inputKeys.add(key);
      driver.pipe(P + ".in", key, reading(sensors[i], 20 + i, 1_000L + i), 1_000L + i);
    }

    driver.runBounded(new KeyedChain(), Duration.ofMinutes(2));

    assertThat(keys(driver.readAllRaw(P + ".readings"))).containsExactlyElementsOf(inputKeys);
    assertThat(keys(driver.readAllRaw(P + ".copy"))).containsExactlyElementsOf(inputKeys);
    assertThat(keys(driver.readAllRaw(P + ".pairs"))).containsExactlyInAnyOrder("a", "b");
  }

  private static List<String> keys(List<KafkaRecord> records) {
    return records.stream().map(r -> r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8)).toList();
  }
}
