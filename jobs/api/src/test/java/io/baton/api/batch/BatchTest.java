package io.baton.api.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.testrecords.Reading;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchTest {

  @Test
  void toStringShowsTheExpressionThatBuiltIt() {
    assertThat(Batch.countOrTime(1000, Duration.ofMinutes(1)).keyedBy(Reading::getSensorId))
        .hasToString("Batch.countOrTime(1000, PT1M) keyedBy sensorId");
    assertThat(Batch.each()).hasToString("Batch.each()");
    assertThat(Batch.count(5)).hasToString("Batch.count(5)");
    assertThat(Batch.every(Duration.ofSeconds(10)).withGrace(Duration.ofSeconds(2)))
        .hasToString("Batch.every(PT10S) withGrace(PT2S)");
    assertThat(Batch.sliding(Duration.ofMinutes(10), Duration.ofMinutes(1)).withNoGrace())
        .hasToString("Batch.sliding(PT10M, PT1M) withNoGrace");
    assertThat(Batch.session(Duration.ofMinutes(5)).inProcessingTime())
        .hasToString("Batch.session(PT5M) inProcessingTime");
    assertThat(Batch.bytes(65_536, Duration.ofSeconds(5))).hasToString("Batch.bytes(65536, PT5S)");
  }

  @Test
  void describeNamesPolicyAndKeyForOperatorNames() {
    assertThat(Batch.countOrTime(1000, Duration.ofMinutes(1)).keyedBy(Reading::getSensorId).describe())
        .isEqualTo("batch countOrTime(1000, PT1M) by sensorId");
  }

  @Test
  void countMustBePositive() {
    assertThatThrownBy(() -> Batch.count(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be positive, got 0");
  }

  @Test
  void durationsMustBePositive() {
    assertThatThrownBy(() -> Batch.every(Duration.ZERO)).hasMessage("size must be a positive duration, got PT0S");
    assertThatThrownBy(() -> Batch.countOrTime(10, Duration.ofSeconds(-1)))
        .hasMessage("maxWait must be a positive duration, got PT-1S");
    assertThatThrownBy(() -> Batch.bytes(-1, Duration.ofSeconds(1))).hasMessage("maxBytes must be positive, got -1");
  }

  @Test
  void slideMustNotExceedSize() {
    assertThatThrownBy(() -> Batch.sliding(Duration.ofMinutes(1), Duration.ofMinutes(2)))
        .hasMessage("slide must not exceed size, got slide=PT2M size=PT1M");
  }

  @Test
  void graceAppliesToEventTimeWindowsOnly() {
    assertThatThrownBy(() -> Batch.count(5).withGrace(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Batch.count(5): grace applies to event-time windows (every, sliding, session) only");
    assertThatThrownBy(() -> Batch.every(Duration.ofSeconds(1)).inProcessingTime().withNoGrace())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void timeModesFollowThePolicy() {
    assertThat(Batch.every(Duration.ofSeconds(1)).timeMode()).isEqualTo(TimeMode.EVENT);
    assertThat(Batch.every(Duration.ofSeconds(1)).needsEventTime()).isTrue();
    assertThat(Batch.every(Duration.ofSeconds(1)).inProcessingTime().needsEventTime()).isFalse();
    assertThat(Batch.countOrTime(5, Duration.ofSeconds(1)).timeMode()).isEqualTo(TimeMode.PROCESSING);
    assertThat(Batch.count(5).timeMode()).isEqualTo(TimeMode.NONE);
    assertThatThrownBy(() -> Batch.count(5).inProcessingTime())
        .hasMessage("Batch.count(5) does not wait on a clock; inProcessingTime() does not apply");
    assertThatThrownBy(() -> Batch.count(5).inEventTime())
        .hasMessage("Batch.count(5) does not wait on a clock; inEventTime() does not apply");
    // Refused when the pipeline is built, naming the stage (PipelineDefinitionErrorsTest).
    assertThat(Batch.bytes(5, Duration.ofSeconds(1)).inEventTime()).hasToString("Batch.bytes(5, PT1S) inEventTime");
  }

  @Test
  void optionsReturnNewValuesAndLeaveTheOriginalAlone() {
    Batch plain = Batch.every(Duration.ofSeconds(1));
    Batch keyed = plain.keyedBy("sensor", (Reading r) -> r.getSensorId());
    assertThat(plain.keyed()).isFalse();
    assertThat(keyed.keyed()).isTrue();
    assertThat(keyed.keyName()).contains("sensor");
    assertThat(((Every) keyed).size()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void lambdaKeysAreNamedKeyUnlessNamed() {
    assertThat(Batch.count(2).keyedBy((Reading r) -> r.getSensorId())).hasToString("Batch.count(2) keyedBy key");
  }

  @Test
  void equalValuesAreEqual() {
    assertThat(Batch.count(5)).isEqualTo(Batch.count(5)).isNotEqualTo(Batch.count(6));
    assertThat(Batch.every(Duration.ofSeconds(1))).isNotEqualTo(Batch.every(Duration.ofSeconds(1)).withNoGrace());
  }
}
