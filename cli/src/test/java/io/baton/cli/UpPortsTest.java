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
