package io.baton.testing;

import static io.baton.testing.Sensors.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CountPolicyIT {

  static final class CountThree implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named("count-three");
      Stage<Reading> readings = p.source("readings", Topic.of("count-three.in", Reading.class));
      p.stage("triples", readings, Batch.count(3).keyedBy(Reading::getSensorId), Sensors::summarize);
      return p;
    }
  }

  @Test
  void countReleasesEveryThirdRecordPerKeyAndTheRestAtTheEndOfABoundedRun() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    for (int i = 1; i <= 7; i++) {
      driver.pipe("count-three.in", reading("a", i, i * 1000L), i * 1000L);
    }
    for (int i = 1; i <= 3; i++) {
      driver.pipe("count-three.in", reading("b", 10 * i, i * 1000L), i * 1000L);
    }
    driver.runBounded(new CountThree(), Duration.ofMinutes(2));
    assertThat(Sensors.digest(driver.readAll("count-three.triples", Summary.class)))
        .containsExactly("a:1:7@7000", "a:3:15@4000", "a:3:6@1000", "b:3:60@1000");
  }
}
