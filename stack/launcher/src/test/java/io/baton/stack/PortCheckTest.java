package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortCheckTest {
  @Test
  void eachTakenPortIsNamedWithItsComponent() {
    Ports ports = Ports.defaults();
    assertThat(PortCheck.conflicts(ports, port -> port != 8081 && port != 9093)).containsExactly(
        "port 9093 (kafka controller) is already in use",
        "port 8081 (flink web UI/REST) is already in use");
  }

  @Test
  void noConflictsWhenAllAreFree() {
    assertThat(PortCheck.conflicts(Ports.defaults(), port -> true)).isEmpty();
  }

  @Test
  void aListeningSocketMakesItsPortTaken() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(PortCheck.isFree(s.getLocalPort())).isFalse();
    }
  }

  @Test
  void aWildcardListenerAlsoTakesTheLoopbackPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      assertThat(PortCheck.isFree(s.getLocalPort())).isFalse();
    }
  }
}
