package io.baton.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.connectors.DeadLetter;
import io.baton.connectors.DeadLetterReason;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.OutRecord;
import io.baton.examples.sensor.SensorStory;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.Planner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo's topics come from the sensor story's plan; its feed is the one the story text counts. */
class SensorDemoTest {
  private final Plan plan = Planner.plan(new SensorStory());

  @Test
  void theTopicsTheDemoWatchesAreTheStorysOwn() {
    assertThat(plan.stage(SensorDemo.READINGS).inputTopics()).containsExactly("sensors.readings");
    assertThat(plan.stage(SensorDemo.PER_MINUTE).outputTopic()).isEqualTo("sensor-story.per-minute");
    assertThat(plan.stage(SensorDemo.ALERTS).outputTopic()).isEqualTo("sensors.alerts");
    assertThat(plan.stage(SensorDemo.READINGS).deadLetterTopic()).isEqualTo("sensor-story.readings.dead-letter");
    assertThat(plan.stage(SensorDemo.PER_MINUTE).deadLetterTopic()).isEqualTo("sensor-story.per-minute.dead-letter");
  }

  @Test
  void theStandardFeedIsWhatTheStoryCounts() {
    DemoFeed feed = DemoFeed.standard();
    // 360 good and 4 out of range, plus the clock reading; 3 late ones come after their minutes closed.
    assertThat(feed.onTime()).hasSize(365);
    assertThat(feed.late()).hasSize(3);
    assertThat(feed.expectedSummaries()).isEqualTo(60);
    assertThat(feed.expectedAlerts()).isEqualTo(20);
    assertThat(feed.clock().getSensorId()).isEqualTo("clock");
  }

  @Test
  void deadLettersAreCountedByTheirReasonInReasonOrder() {
    OutRecord out = DeadLetter.forStage("sensor-story", "readings", plan.stage(SensorDemo.READINGS).deadLetterTopic())
        .record(KafkaRecord.builder().topic("sensors.readings").build(), DeadLetterReason.malformed(), "not Avro");
    KafkaRecord malformed = KafkaRecord.builder().topic(out.topic().orElseThrow()).headers(out.headers()).build();
    KafkaRecord noReason = KafkaRecord.builder().topic(out.topic().orElseThrow()).offset(1).build();
    assertThat(DemoStory.byReason(List.of(malformed, noReason, malformed))).containsExactly(
        Map.entry("?", 1L), Map.entry("malformed", 2L));
  }
}
