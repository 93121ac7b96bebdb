package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
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

  private final ScramClient admin = ScramClient.of("admin", "Pw0");

  @Test
  void plainBrokerHasNeitherSaslNorAnAuthorizer() {
    assertThat(KafkaServer.settings(config)).doesNotContainKeys("authorizer.class.name", "sasl.enabled.mechanisms",
        "super.users").containsEntry("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
  }

  @Test
  void secureBrokerServesScramOnTheKafkaPortAndTalksToItselfThroughIt() {
    assertThat(KafkaServer.secureSettings(config, admin))
        .containsEntry("listeners", "SASL_PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
        .containsEntry("listener.security.protocol.map", "CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT")
        .containsEntry("listener.name.sasl_plaintext.sasl.enabled.mechanisms", "SCRAM-SHA-512")
        .containsEntry("inter.broker.listener.name", "SASL_PLAINTEXT")
        .containsEntry("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512")
        .containsEntry("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"Pw0\";");
  }

  @Test
  void secureControllerListenerKnowsOnlyTheAdminThroughPlain() {
    assertThat(KafkaServer.secureSettings(config, admin))
        .containsEntry("listener.name.controller.sasl.enabled.mechanisms", "PLAIN")
        .containsEntry("sasl.mechanism.controller.protocol", "PLAIN")
        .containsEntry("listener.name.controller.plain.sasl.jaas.config",
            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"Pw0\""
                + " user_admin=\"Pw0\";");
  }

  @Test
  void secureBrokerDeniesWhatNoAclAllowsAndTheAdminIsTheOnlySuperUser() {
    assertThat(KafkaServer.secureSettings(config, admin))
        .containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
        .containsEntry("allow.everyone.if.no.acl.found", "false")
        .containsEntry("super.users", "User:admin");
  }

  @Test
  void secureBrokerKeepsEveryOtherPlainSetting() {
    Map<String, String> plain = KafkaServer.settings(config);
    Map<String, String> secure = KafkaServer.secureSettings(config, admin);
    plain.keySet().removeAll(List.of("listeners", "advertised.listeners", "inter.broker.listener.name",
        "listener.security.protocol.map"));
    assertThat(secure).containsAllEntriesOf(plain);
  }

  @Test
  void secureFormatAddsTheAdminsScramCredentialThroughAnArgumentFileOnly() {
    JavaCommand cmd = KafkaServer.secure(config, admin).formatCommand("AAAAAAAAAAAAAAAAAAAAAA");
    assertThat(cmd.toString()).doesNotContain("Pw0").endsWith(" -cp /repo/stack/kafka-runtime/target/lib/* @/state/kafka/format.args");
    assertThat(cmd.argFileText().lines()).containsExactly("\"kafka.tools.StorageTool\"", "\"format\"", "\"--standalone\"",
        "\"--cluster-id=AAAAAAAAAAAAAAAAAAAAAA\"", "\"-c\"", "\"/state/kafka/server.properties\"", "\"--add-scram\"",
        "\"SCRAM-SHA-512=[name=admin,password=Pw0]\"");
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

  private final StackConfig three = StackConfig.builder().repo(Path.of("/repo")).home(Path.of("/state"))
      .ports(Ports.of(19092, 19093, 18085, 18081, 16123).withBrokers(3)).build();

  @Test
  void eachOfThreeBrokersHasItsOwnIdPortsAndLogDirAndKnowsEveryController() {
    Map<String, String> second = KafkaServer.settings(three, 2);
    assertThat(second).containsEntry("process.roles", "broker,controller")
        .containsEntry("node.id", "2")
        .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19094,CONTROLLER://127.0.0.1:19095")
        .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19094,CONTROLLER://127.0.0.1:19095")
        .containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:19093,127.0.0.1:19095,127.0.0.1:19097")
        .containsEntry("log.dirs", "/state/kafka-2/data");
    assertThat(KafkaServer.settings(three, 1)).containsEntry("node.id", "1").containsEntry("log.dirs", "/state/kafka/data");
  }

  @Test
  void threeBrokersReplicateEveryTopicThreeTimesAndWantTwoInSync() {
    assertThat(KafkaServer.settings(three, 3))
        .containsEntry("default.replication.factor", "3")
        .containsEntry("min.insync.replicas", "2")
        .containsEntry("offsets.topic.replication.factor", "3")
        .containsEntry("transaction.state.log.replication.factor", "3")
        .containsEntry("transaction.state.log.min.isr", "2")
        .containsEntry("share.coordinator.state.topic.replication.factor", "3")
        .containsEntry("share.coordinator.state.topic.min.isr", "2");
    assertThat(KafkaServer.settings(config)).containsEntry("default.replication.factor", "1")
        .containsEntry("min.insync.replicas", "1");
  }

  @Test
  void threeBrokersFormatOneDynamicQuorumWithTheSameVotersOnEach() {
    KafkaQuorum quorum = KafkaQuorum.of("AAAAAAAAAAAAAAAAAAAAAA",
        List.of("BBBBBBBBBBBBBBBBBBBBBB", "CCCCCCCCCCCCCCCCCCCCCC", "DDDDDDDDDDDDDDDDDDDDDD"));
    List<KafkaServer> brokers = KafkaServer.brokers(three, null);
    assertThat(brokers).extracting(KafkaServer::server)
        .containsExactly(ServerId.kafka(1), ServerId.kafka(2), ServerId.kafka(3));
    assertThat(brokers.get(2).formatCommand(quorum).toString()).endsWith(" kafka.tools.StorageTool format"
        + " --cluster-id=AAAAAAAAAAAAAAAAAAAAAA --initial-controllers 1@127.0.0.1:19093:BBBBBBBBBBBBBBBBBBBBBB,"
        + "2@127.0.0.1:19095:CCCCCCCCCCCCCCCCCCCCCC,3@127.0.0.1:19097:DDDDDDDDDDDDDDDDDDDDDD"
        + " -c /state/kafka-3/server.properties");
  }

  @Test
  void laterBrokersRunUnderTheirOwnMarkerConfigAndAddress() {
    KafkaServer second = KafkaServer.brokers(three, null).get(1);
    assertThat(second.serverCommand().toList()).contains("-Dbaton.component=kafka-2",
        "-Dlog4j2.configurationFile=/state/kafka-2/log4j2.properties").endsWith("/state/kafka-2/server.properties");
    assertThat(second.endpoint()).isEqualTo("127.0.0.1:19094");
    assertThat(KafkaServer.bootstrapServers(three.ports())).isEqualTo("127.0.0.1:19092,127.0.0.1:19094,127.0.0.1:19096");
  }

  @Test
  void aQuorumMustMatchTheBrokersOfThePorts() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> KafkaQuorum.fresh(3).initialControllers(config.ports()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the quorum has 3 voters but the ports name 1 brokers");
    assertThat(KafkaQuorum.fresh(3).initialControllers(three.ports()))
        .matches("1@127\\.0\\.0\\.1:19093:[A-Za-z0-9_-]{22},2@127\\.0\\.0\\.1:19095:[A-Za-z0-9_-]{22},"
            + "3@127\\.0\\.0\\.1:19097:[A-Za-z0-9_-]{22}");
  }
}
