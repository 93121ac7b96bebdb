package io.baton.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceNamesTest {

  @Test
  void handoffTopicIsPipelineDotStage() {
    assertThat(ResourceNames.handoffTopic("sensor-story", "per-minute")).isEqualTo("sensor-story.per-minute");
  }

  @Test
  void deadLetterTopicFollowsTheHandoffTopic() {
    assertThat(ResourceNames.deadLetterTopic("sensor-story", "readings")).isEqualTo("sensor-story.readings.dead-letter");
  }

  @Test
  void subjectIsTheTopicNameStrategy() {
    assertThat(ResourceNames.subject("sensors.alerts")).isEqualTo("sensors.alerts-value");
  }

  @Test
  void jobNameIsWhatTheWebUiShows() {
    assertThat(ResourceNames.jobName("sensor-story", "alerts")).isEqualTo("sensor-story/alerts");
  }

  @Test
  void consumerGroupAndTransactionalIdsArePrefixedWithBaton() {
    assertThat(ResourceNames.consumerGroup("p", "s")).isEqualTo("baton.p.s");
    assertThat(ResourceNames.transactionalIdPrefix("p", "s")).isEqualTo("baton.p.s.handoff");
  }

  @Test
  void deadLetterSinkHasItsOwnTransactionalIdPrefixThatDoesNotExtendTheHandoffs() {
    assertThat(ResourceNames.deadLetterTransactionalIdPrefix("p", "s")).isEqualTo("baton.p.s.dead-letter");
    assertThat(ResourceNames.deadLetterTransactionalIdPrefix("p", "s"))
        .doesNotStartWith(ResourceNames.transactionalIdPrefix("p", "s"));
  }
}
