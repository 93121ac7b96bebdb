package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaServerTest {
  private final StackConfig config = StackConfig.builder()
      .repo(Path.of("/repo")).home(Path.of("/state")).ports(Ports.of(19092, 19093, 18085, 18081, 16123)).build();

  @Test
  void rendersSingleNodeKraftOnLoopbackWithTheConfiguredPorts() {
    Map<String, String> s = KafkaServer.settings(config);
    assertThat(s).containsEntry("process.roles", "broker,controller")
        .containsEntry("node.id", "1")
        .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
        .containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:19093")
        .containsEntry("controller.listener.names", "CONTROLLER")
        .containsEntry("log.dirs", "/state/kafka/data");
  }

  @Test
  void internalTopicsFitOneBroker() {
    assertThat(KafkaServer.settings(config))
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("group.initial.rebalance.delay.ms", "0")
        .containsEntry("log.retention.ms", "-1");
  }

  @Test
  void propertiesFileHasOneLinePerSetting() {
    String text = KafkaServer.renderProperties(config);
    assertThat(text).contains("\nlisteners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093\n")
        .contains("\nlog.dirs=/state/kafka/data\n");
    assertThat(text.lines().filter(l -> !l.startsWith("#"))).hasSize(KafkaServer.settings(config).size());
  }

  @Test
  void formatCommandUsesStandaloneControllerAndTheGeneratedProperties() {
    JavaCommand cmd = new KafkaServer(config).formatCommand("AAAAAAAAAAAAAAAAAAAAAA");
    assertThat(cmd.toString()).contains(" -cp /repo/stack/kafka-runtime/target/lib/* kafka.tools.StorageTool format"
        + " --standalone --cluster-id=AAAAAAAAAAAAAAAAAAAAAA -c /state/kafka/server.properties");
  }

  @Test
  void serverCommandCarriesTheMarkerAndItsLogConfiguration() {
    JavaCommand cmd = new KafkaServer(config).serverCommand();
    assertThat(cmd.toList()).contains("-Dbaton.component=kafka", "-Dbaton.home=/state",
        "-Dlog4j2.configurationFile=/state/kafka/log4j2.properties", "-Xmx512m");
    assertThat(cmd.toList()).endsWith("kafka.Kafka", "/state/kafka/server.properties");
  }

  @Test
  void clusterIdIsSixteenBytesOfUrlSafeBase64() {
    String id = KafkaServer.newClusterId();
    assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+");
    assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
    assertThat(KafkaServer.newClusterId()).isNotEqualTo(id);
  }

  @Test
  void clusterIdNeverLooksLikeAnOption() {
    // One id in 64 would start with '-' if nothing prevented it; 2,000 draws miss that with odds of 1e-14.
    for (int i = 0; i < 2_000; i++) {
      assertThat(KafkaServer.newClusterId()).doesNotStartWith("-");
    }
  }
}
