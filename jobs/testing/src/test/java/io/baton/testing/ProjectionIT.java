package io.baton.testing;

import static io.baton.testing.Sensors.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.api.fn.Fn;
import io.baton.flink.deploy.DeployRefusedException;
import io.baton.schemas.sensor.Reading;
import io.baton.testing.records.CelsiusOnly;
import io.baton.testing.records.HumidityView;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A stage reads its upstream through a projection: only the fields it needs, resolved from what upstream writes. */
class ProjectionIT {

  static final class HotReadings implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named("projection");
      Stage<Reading> readings = p.source("readings", Topic.of("projection.in", Reading.class));
      p.stage("hot", readings.readAs(CelsiusOnly.class), Batch.each(), Fn.filter(r -> r.getCelsius() > 40));
      return p;
    }
  }

  static final class NeedsHumidity implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named("no-humidity");
      Stage<Reading> readings = p.source("readings", Topic.of("no-humidity.in", Reading.class));
      p.stage("damp", readings.readAs(HumidityView.class), Batch.each(), Fn.filter(r -> r.getHumidity() > 0.9));
      return p;
    }
  }

  @Test
  void downstreamStageReadsOnlyTheFieldsItDeclares() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    driver.pipe("projection.in", reading("a", 20, 1_000), 1_000);
    driver.pipe("projection.in", reading("b", 45, 2_000), 2_000);
    driver.pipe("projection.in", reading("c", 51.5, 3_000), 3_000);
    driver.runBounded(new HotReadings(), Duration.ofMinutes(2));

    assertThat(driver.readAll("projection.hot", CelsiusOnly.class))
        .containsExactly(new CelsiusOnly("b", 45.0), new CelsiusOnly("c", 51.5));
    assertThat(driver.readAllRaw("projection.hot.dead-letter")).isEmpty();
  }

  @Test
  void projectionNeedingAFieldUpstreamLacksIsRefusedBeforeAnythingRuns() {
    DeployRefusedException refused = catchThrowableOfType(DeployRefusedException.class,
        () -> PipelineTestDriver.shared().runBounded(new NeedsHumidity(), Duration.ofMinutes(1)));
    assertThat(refused.problems()).singleElement().asString()
        .startsWith("handoff no-humidity.readings → stage 'damp': ")
        .contains("humidity");
  }
}
