package io.baton.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A single KRaft node (broker and controller) in this JVM on a free 127.0.0.1 port, from Kafka's own test kit: what
 * the test kit runs when there is no Baton checkout to start a broker process from.
 *
 * <pre>{@code
 * try (InJvmKafka kafka = InJvmKafka.start()) {
 *   kafka.bootstrapServers();   // 127.0.0.1:40123
 * }
 * }</pre>
 */
final class InJvmKafka implements AutoCloseable {
  private final KafkaClusterTestKit kit;

  private InJvmKafka(KafkaClusterTestKit kit) {
    this.kit = kit;
  }

  static InJvmKafka start() throws Exception {
    TestKitNodes nodes = new TestKitNodes.Builder()
        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build();
    // One node: every internal topic with one replica; transactions (exactly-once handoff) need the same.
    KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("offsets.topic.num.partitions", "4")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .setConfigProp("transaction.state.log.num.partitions", "4")
        .setConfigProp("min.insync.replicas", "1")
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .build();
    try {
      kit.format();
      kit.startup();
      kit.waitForReadyBrokers();
      return new InJvmKafka(kit);
    } catch (Exception e) {
      kit.close();
      throw e;
    }
  }

  String bootstrapServers() {
    return kit.bootstrapServers();
  }

  @Override
  public void close() throws Exception {
    kit.close();
  }
}
