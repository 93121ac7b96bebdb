package io.baton.flink.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.flink.plan.PlannedTopic;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicsTest {
  private static final PlannedTopic UNDECLARED = new PlannedTopic("p.readings", "handoff", 0, "readings");
  private static final PlannedTopic DECLARED = new PlannedTopic("p.per-minute", "handoff", 4, "per-minute");

  @Test
  void withoutDefaultsTheBrokerChoosesPartitionsAndReplicationFactor() {
    NewTopic topic = Topics.newTopic(UNDECLARED, TopicDefaults.brokerDefaults());

    assertThat(topic.numPartitions()).as("-1 asks the broker for num.partitions").isEqualTo(-1);
    assertThat(topic.replicationFactor()).as("-1 asks the broker for default.replication.factor").isEqualTo((short) -1);
    assertThat(topic.configs()).isEmpty();
  }

  @Test
  void theContextsDefaultsApplyAndAStagesDeclaredPartitionsWin() {
    TopicDefaults defaults = TopicDefaults.builder().partitions(6).replicationFactor(3)
        .config("min.insync.replicas", "2").build();

    NewTopic undeclared = Topics.newTopic(UNDECLARED, defaults);
    NewTopic declared = Topics.newTopic(DECLARED, defaults);

    assertThat(undeclared.numPartitions()).isEqualTo(6);
    assertThat(declared.numPartitions()).isEqualTo(4);
    assertThat(declared.replicationFactor()).isEqualTo((short) 3);
    assertThat(declared.configs()).isEqualTo(Map.of("min.insync.replicas", "2"));
  }

  @Test
  void aTopicsOwnConfigsGoOnTopOfTheDefaults() {
    PlannedTopic lineage = new PlannedTopic("p.lineage", "lineage", 4, "", Map.of("cleanup.policy", "compact"));
    TopicDefaults defaults = TopicDefaults.builder().config("cleanup.policy", "delete")
        .config("min.insync.replicas", "2").build();

    NewTopic topic = Topics.newTopic(lineage, defaults);

    assertThat(topic.numPartitions()).isEqualTo(4);
    assertThat(topic.configs()).isEqualTo(Map.of("cleanup.policy", "compact", "min.insync.replicas", "2"));
  }

  @Test
  void invalidDefaultsAreReportedTogether() {
    assertThatThrownBy(() -> TopicDefaults.builder().partitions(0).replicationFactor(40_000).build())
        .hasMessage("invalid TopicDefaults: partitions must be at least 1, got 0;"
            + " replicationFactor must be between 1 and 32767, got 40000");
  }

  @Test
  void defaultsShowTheirExpression() {
    assertThat(TopicDefaults.brokerDefaults()).hasToString("TopicDefaults.brokerDefaults()");
    assertThat(TopicDefaults.builder().replicationFactor(3).build())
        .hasToString("TopicDefaults.builder().replicationFactor(3).build()");
    assertThat(TopicDefaults.builder().build().partitions()).isEqualTo(Optional.empty());
  }
}
