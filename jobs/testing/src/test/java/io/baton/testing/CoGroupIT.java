package io.baton.testing;

import static io.baton.testing.Sensors.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.connectors.KafkaRecord;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A keyed co-group of two inputs in one event-time window, bounded. */
class CoGroupIT {
  private static final Duration WAIT = Duration.ofMinutes(2);
  /** Ten minutes ago, on a whole minute, so 10 s windows start at BASE. */
  private static final long BASE = (System.currentTimeMillis() / 60_000 - 10) * 60_000;

  static final class Sums implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named("co-group");
      Stage<Reading> left = p.source("left",
          Topic.of("co-group.left.in", Reading.class).eventTime(Reading::getTimestamp, Duration.ZERO));
      Stage<Reading> right = p.source("right",
          Topic.of("co-group.right.in", Reading.class).eventTime(Reading::getTimestamp, Duration.ZERO));
      p.coGroup("sums", left, Reading::getSensorId, right, Reading::getSensorId,
          Batch.every(Duration.ofSeconds(10)), CoGroupIT::sums);
      return p;
    }
  }

  /** Per key and window: count of both sides, left sum as min, right sum as max, both as mean. */
  static Summary sums(String key, List<Reading> left, List<Reading> right) {
    double l = left.stream().mapToDouble(Reading::getCelsius).sum();
    double r = right.stream().mapToDouble(Reading::getCelsius).sum();
    List<Reading> both = new ArrayList<>(left);
    both.addAll(right);
    long first = both.stream().mapToLong(Reading::getTimestamp).min().orElseThrow();
    long last = both.stream().mapToLong(Reading::getTimestamp).max().orElseThrow();
    return new Summary(key, first, last, left.size() * 100 + right.size(), l, r, l + r);
  }

  @Test
  void coGroupSumsBothSidesPerKeyAndWindowIncludingKeysOnOneSideOnly() throws Exception {
    PipelineTestDriver driver = PipelineTestDriver.shared();
    left(driver, "a", 1, 1_000);
    left(driver, "a", 2, 2_000);
    left(driver, "b", 10, 3_000);
    left(driver, "a", 3, 12_000);
    right(driver, "a", 100, 4_000);
    right(driver, "c", 1000, 5_000);
    right(driver, "b", 20, 15_000);
    right(driver, "b", 30, 19_999);

    driver.runBounded(new Sums(), WAIT);

    List<Summary> out = driver.readAll("co-group.sums", Summary.class);
    List<KafkaRecord> raw = driver.readAllRaw("co-group.sums");
    List<String> digest = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      Summary s = out.get(i);
      // An output's Kafka timestamp is its window's last millisecond.
      long window = raw.get(i).timestamp() + 1 - 10_000 - BASE;
      digest.add(s.getSensorId() + "@" + window + " left " + s.getCount() / 100 + "=" + (long) s.getMinCelsius()
          + " right " + s.getCount() % 100 + "=" + (long) s.getMaxCelsius() + " total " + (long) s.getMeanCelsius());
    }
    assertThat(digest).containsExactlyInAnyOrder(
        "a@0 left 2=3 right 1=100 total 103",
        "b@0 left 1=10 right 0=0 total 10",
        "c@0 left 0=0 right 1=1000 total 1000",
        "a@10000 left 1=3 right 0=0 total 3",
        "b@10000 left 0=0 right 2=50 total 50");
    // Each output is keyed by its co-group key.
    assertThat(raw).allSatisfy(r -> assertThat(new String(r.key(), StandardCharsets.UTF_8))
        .isIn("a", "b", "c"));
    assertThat(driver.readAllRaw("co-group.sums.dead-letter")).isEmpty();
  }

  private static void left(PipelineTestDriver driver, String sensor, double celsius, long at) {
    driver.pipe("co-group.left.in", reading(sensor, celsius, BASE + at), BASE + at);
  }

  private static void right(PipelineTestDriver driver, String sensor, double celsius, long at) {
    driver.pipe("co-group.right.in", reading(sensor, celsius, BASE + at), BASE + at);
  }
}
