package io.baton.testing;

import static io.baton.testing.Sensors.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.api.overrides.PolicyOverrides;
import io.baton.connectors.RunId;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bounded run with an overridden count: the jobs define their stage from the plan's --overrides argument. */
class OverridesIT {

  static final class CountThree implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named("override-count");
      Stage<Reading> readings = p.source("readings", Topic.of("override-count.in", Reading.class));
      p.stage("batches", readings, Batch.count(3).keyedBy(Reading::getSensorId), Sensors::summarize);
      return p;
    }
  }

  /** Batches of {@code n} per sensor in arrival order, the last one smaller: "sensor:count:sum@first". */
  private static List<String> expected(List<Reading> input, int n) {
    Map<String, List<Reading>> bySensor = new LinkedHashMap<>();
    input.forEach(r -> bySensor.computeIfAbsent(r.getSensorId(), k -> new ArrayList<>()).add(r));
    List<String> out = new ArrayList<>();
    bySensor.forEach((sensor, readings) -> {
      for (int from = 0; from < readings.size(); from += n) {
        List<Reading> batch = readings.subList(from, Math.min(from + n, readings.size()));
        long sum = (long) batch.stream().mapToDouble(Reading::getCelsius).sum();
        out.add(sensor + ":" + batch.size() + ":" + sum + "@" + batch.get(0).getTimestamp());
      }
    });
    return out.stream().sorted().toList();
  }

  @Test
  void anOverriddenCountIsWhatTheJobsRun() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    List<Reading> input = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      input.add(reading("a", i, i * 1000L));
    }
    for (int i = 1; i <= 5; i++) {
      input.add(reading("b", 10 * i, i * 1000L));
    }
    input.forEach(r -> driver.pipe("override-count.in", r, r.getTimestamp()));
    PolicyOverrides overrides = PolicyOverrides.fromTree("count.yaml",
        Map.of("stages", Map.of("batches", Map.of("batch", Map.of("n", 4), "parallelism", 2))));

    RunId run = driver.runBounded(new CountThree(), overrides, Duration.ofMinutes(2));

    List<String> written = Sensors.digest(driver.readRun("override-count.batches", Summary.class, run));
    assertThat(written).isEqualTo(expected(input, 4))
        .containsExactly("a:2:19@9000", "a:4:10@1000", "a:4:26@5000", "b:1:50@5000", "b:4:100@1000")
        .isNotEqualTo(expected(input, 3));
  }
}
