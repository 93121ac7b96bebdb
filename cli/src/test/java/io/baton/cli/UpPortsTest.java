package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.stack.Ports;
import io.baton.stack.StackLayout;
import io.baton.stack.StackState;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The ports {@code baton up} starts on: the ones the stack last ran on in its home, unless flags say otherwise. */
class UpPortsTest {
  private static final Ports LAST = Ports.of(41001, 41002, 41003, 41004, 41005);

  @TempDir
  Path home;

  private Ports portsOf(String... flags) throws Exception {
    UpCommand up = new UpCommand();
    String[] args = new String[flags.length + 2];
    args[0] = "--home";
    args[1] = home.toString();
    System.arraycopy(flags, 0, args, 2, flags.length);
    new CommandLine(up).parseArgs(args);
    return up.ports();
  }

  private void stackLastRanOn(Ports ports) throws Exception {
    new StackState(StackLayout.at(home)).recordPorts(ports);
  }

  @Test
  void aFreshHomeStartsOnTheDefaultPorts() throws Exception {
    assertThat(portsOf().byUse()).isEqualTo(Ports.defaults().byUse());
  }

  @Test
  void withoutFlagsUpReusesThePortsTheStackLastRanOn() throws Exception {
    stackLastRanOn(LAST);

    assertThat(portsOf().byUse()).isEqualTo(LAST.byUse());
  }

  @Test
  void aPortGivenAsFlagWinsAndTheOthersAreTheLastOnes() throws Exception {
    stackLastRanOn(LAST);

    assertThat(portsOf("--registry-port", "42003").byUse()).isEqualTo(LAST.withRegistry(42003).byUse());
  }

  @Test
  void threeBrokersOnAFreshHomeTakeTheTwoPortsAboveThePreviousBrokers() throws Exception {
    Ports p = portsOf("--brokers", "3");
    assertThat(p.kafkaPorts()).containsExactly(9092, 9094, 9096);
    assertThat(p.kafkaControllerPorts()).containsExactly(9093, 9095, 9097);
  }

  @Test
  void eachBrokersPortsCanBeGivenInOrder() throws Exception {
    Ports p = portsOf("--brokers", "3", "--kafka-port", "42001,42011,42021", "--kafka-controller-port", "42002");
    assertThat(p.kafkaPorts()).containsExactly(42001, 42011, 42021);
    assertThat(p.kafkaControllerPorts()).as("past the list: two above the previous").containsExactly(42002, 42004, 42006);
  }

  @Test
  void aHomeThatRanThreeBrokersKeepsThemWithoutFlags() throws Exception {
    Ports three = LAST.withKafkaNodes(java.util.List.of(41001, 41011, 41021), java.util.List.of(41002, 41012, 41022));
    stackLastRanOn(three);

    assertThat(portsOf()).isEqualTo(three);
    assertThat(portsOf("--kafka-port", "42001").kafkaPorts()).containsExactly(42001, 42003, 42005);
  }

  @Test
  void morePortsThanBrokersOrAnUnsupportedCountAreUsageErrors() {
    CliRun tooMany = CliRun.at(home, "up", "--kafka-port", "42001,42011");
    assertThat(tooMany.exitCode()).isEqualTo(2);
    assertThat(tooMany.err()).contains("--kafka-port names 2 ports but the stack has 1 broker; add --brokers 2");
    CliRun two = CliRun.at(home, "up", "--brokers", "2");
    assertThat(two.exitCode()).isEqualTo(2);
    assertThat(two.err()).contains("--brokers must be 1 or 3 but was 2");
  }

  @Test
  void upWithoutFlagsChecksTheRememberedPortsBeforeStartingAnything() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Ports last = Ports.of(taken.getLocalPort(), 41002, 41003, 41004, 41005);
      stackLastRanOn(last);

      CliRun up = CliRun.at(home, "up");

      assertThat(up.exitCode()).isEqualTo(1);
      assertThat(up.err()).startsWith("baton: cannot start the stack: port " + taken.getLocalPort() + " (");
    }
  }
}
