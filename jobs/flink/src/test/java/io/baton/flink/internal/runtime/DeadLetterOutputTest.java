package io.baton.flink.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.connectors.BatonHeaders;
import io.baton.connectors.DeadLetter;
import io.baton.connectors.DeadLetterReason;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.OutRecord;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class DeadLetterOutputTest {
  private static final DeadLetter READINGS = DeadLetter.forStage("sensor-story", "readings", "sensor-story.readings.dead-letter");

  @Test
  void makesTheStagesDeadLettersAndSurvivesSerialization() throws Exception {
    DeadLetterOutput rejects = InstantiationUtil.clone(DeadLetterOutput.of(READINGS));
    OutRecord letter = rejects.record(KafkaRecord.builder().topic("sensors.readings").offset(4).build(),
        DeadLetterReason.throttled(), "key s-1 is over 10 records per PT1S");

    assertThat(rejects.deadLetter()).isEqualTo(READINGS);
    assertThat(letter.topic()).hasValue("sensor-story.readings.dead-letter");
    assertThat(letter.lastHeader(BatonHeaders.REASON)).hasValue("throttled");
    assertThat(letter.lastHeader(BatonHeaders.STAGE)).hasValue("readings");
  }

  @Test
  void everyOperatorSharesOneTag() {
    assertThat(DeadLetterOutput.TAG.getId()).isEqualTo("rejected");
    assertThat(DeadLetterOutput.TAG.getTypeInfo()).isEqualTo(OutRecord.Types.TYPE_INFO);
  }

  @Test
  void aMissingMakerSaysHowToMakeOne() {
    assertThatThrownBy(() -> DeadLetterOutput.of(null))
        .hasMessage("deadLetter must not be null; make it with DeadLetter.forStage(pipeline, stage, deadLetterTopic)");
  }
}
