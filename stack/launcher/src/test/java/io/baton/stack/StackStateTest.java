package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackStateTest {
  @TempDir
  Path home;

  @Test
  void aLivePidWithoutOurMarkerDoesNotCountAsRunning() throws Exception {
    StackState state = new StackState(StackLayout.at(home));
    state.recordPid(Component.KAFKA, ProcessHandle.current().pid());
    assertThat(state.recordedPid(Component.KAFKA)).contains(ProcessHandle.current().pid());
    assertThat(state.running(Component.KAFKA)).isEmpty();
  }

  @Test
  void forgetRemovesThePidFile() throws Exception {
    StackState state = new StackState(StackLayout.at(home));
    state.recordPid(Component.REGISTRY, 1);
    state.forget(Component.REGISTRY);
    assertThat(home.resolve("run/registry.pid")).doesNotExist();
  }

  @Test
  void recordedPortsComeBack() throws Exception {
    StackState state = new StackState(StackLayout.at(home));
    Ports ports = Ports.of(1, 2, 3, 4, 5);
    state.recordPorts(ports);
    assertThat(state.recordedPorts()).contains(ports);
    assertThat(Files.readString(home.resolve("run/stack.properties")))
        .contains("registry.url=http\\://127.0.0.1\\:3/apis/ccompat/v7");
  }

  @Test
  void recordedPortsOfThreeBrokersComeBackWithEveryBrokerInTheBootstrapServers() throws Exception {
    StackState state = new StackState(StackLayout.at(home));
    Ports ports = Ports.of(1, 2, 3, 4, 5).withKafkaNodes(List.of(1, 11, 21), List.of(2, 12, 22));
    state.recordPorts(ports);
    assertThat(state.recordedPorts()).contains(ports);
    assertThat(Files.readString(home.resolve("run/stack.properties")))
        .contains("kafka.bootstrap.servers=127.0.0.1\\:1,127.0.0.1\\:11,127.0.0.1\\:21");
  }

  @Test
  void recordedServersAreThoseWithAPidFileInStartOrder() throws Exception {
    StackState state = new StackState(StackLayout.at(home));
    state.recordPid(Component.TASKMANAGER, 4);
    state.recordPid(ServerId.kafka(3), 3);
    state.recordPid(Component.KAFKA, 1);
    state.recordPid(ServerId.kafka(2), 2);
    Files.writeString(home.resolve("run/something-else.pid"), "5\n");
    assertThat(state.recordedServers()).containsExactly(ServerId.of(Component.KAFKA), ServerId.kafka(2),
        ServerId.kafka(3), ServerId.of(Component.TASKMANAGER));
    assertThat(state.recordedPid(ServerId.kafka(3))).contains(3L);
  }

  @Test
  void formattedKafkaHasOneBrokerUnlessItRecordedMore() throws Exception {
    StackState state = new StackState(StackLayout.at(home));
    state.recordKafkaBrokers(3);
    assertThat(state.kafkaBrokers()).as("not formatted yet").isEmpty();
    formatKafka();
    assertThat(state.kafkaBrokers()).contains(3);
    Files.delete(home.resolve("kafka/brokers.properties"));
    assertThat(state.kafkaBrokers()).contains(1);
  }

  @Test
  void aDamagedStackFileIsIgnored() throws Exception {
    Files.createDirectories(home.resolve("run"));
    Files.writeString(home.resolve("run/stack.properties"), "kafka.port=x\n");
    assertThat(new StackState(StackLayout.at(home)).recordedPorts()).isEmpty();
  }

  private void formatKafka() throws Exception {
    Files.createDirectories(home.resolve("kafka/data"));
    Files.writeString(home.resolve("kafka/data/meta.properties"), "version=1\n");
  }

  @Test
  void unformattedKafkaHasNoSecurityYet() throws Exception {
    StackState state = new StackState(StackLayout.at(home));
    state.recordKafkaSecurity(KafkaSecurity.SCRAM);
    assertThat(state.kafkaSecurity()).isEmpty();
  }

  @Test
  void kafkaFormattedBeforeSecurityWasRecordedIsPlain() throws Exception {
    formatKafka();
    assertThat(new StackState(StackLayout.at(home)).kafkaSecurity()).contains(KafkaSecurity.PLAIN);
  }

  @Test
  void theRecordedSecurityOfFormattedKafkaComesBack() throws Exception {
    StackState state = new StackState(StackLayout.at(home));
    state.recordKafkaSecurity(KafkaSecurity.SCRAM);
    formatKafka();
    assertThat(state.kafkaSecurity()).contains(KafkaSecurity.SCRAM);
  }

  @Test
  void aSecureStacksEndpointsFileNamesTheAdminClientProperties() throws Exception {
    new StackState(StackLayout.at(home)).recordPorts(Ports.of(1, 2, 3, 4, 5), KafkaSecurity.SCRAM);
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(home.resolve("run/stack.properties"))) {
      p.load(in);
    }
    assertThat(p.getProperty("kafka.security")).isEqualTo("scram");
    assertThat(p.getProperty("kafka.client.properties")).isEqualTo(home.resolve("secure/kafka-admin-client.properties").toString());
  }
}
