package io.baton.testing;

import static io.baton.testing.Sensors.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Topic;
import io.baton.api.accept.Accept;
import io.baton.connectors.BatonHeaders;
import io.baton.connectors.KafkaRecord;
import io.baton.schemas.sensor.Reading;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-key rate limit of an accept policy, counted in event time. */
class ThrottleIT {

  static final class TwoPerTenSeconds implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named("throttle");
      p.source("readings", Topic.of("throttle.in", Reading.class)
          .accept(Accept.<Reading>schema().rateLimitPerKey(Reading::getSensorId, 2, Duration.ofSeconds(10)))
          .eventTime(Reading::getTimestamp, Duration.ZERO));
      return p;
    }
  }

  @Test
  void recordsOverTheLimitPerKeyAreThrottledToDeadLetters() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    for (long t : new long[] {1_000, 2_000, 3_000, 4_000, 9_999, 10_000}) {
      driver.pipe("throttle.in", reading("a", 1, t), t);
    }
    driver.pipe("throttle.in", reading("b", 1, 5_000), 5_000);
    driver.runBounded(new TwoPerTenSeconds(), Duration.ofMinutes(2));

    List<Reading> passed = driver.readAll("throttle.readings", Reading.class);
    assertThat(passed).extracting(r -> r.getSensorId() + "@" + r.getTimestamp())
        .containsExactly("a@1000", "a@2000", "a@10000", "b@5000");
    List<KafkaRecord> throttled = driver.readAllRaw("throttle.readings.dead-letter");
    assertThat(throttled).hasSize(3).allSatisfy(letter -> {
      assertThat(letter.lastHeader(BatonHeaders.REASON)).contains("throttled");
      assertThat(letter.lastHeader(BatonHeaders.ERROR)).contains("key a is over 2 records per PT10S");
    });
    assertThat(throttled).extracting(r -> r.lastHeader(BatonHeaders.SOURCE_OFFSET).orElseThrow())
        .containsExactly("2", "3", "4");
  }
}
