package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.stack.Ports;
import io.baton.stack.ProcessMarker;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir
  Path home;

  private String[] up(Ports p) {
    return new String[] {"up", "--home", home.toString(),
        "--kafka-port", "" + p.kafka(), "--kafka-controller-port", "" + p.kafkaController(),
        "--registry-port", "" + p.registry(), "--flink-port", "" + p.flinkRest(), "--flink-rpc-port", "" + p.flinkRpc()};
  }

  @Test
  void unknownCommandPrintsUsageAndExitsTwo() {
    CliRun run = CliRun.of("launch");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unmatched argument at index 0: 'launch'").contains("Usage: baton");
  }

  @Test
  void unknownOptionPrintsUsageAndExitsTwo() {
    CliRun run = CliRun.of("up", "--bogus");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option: '--bogus'").contains("Usage: baton up");
  }

  @Test
  void aMistypedOptionSuggestsTheRightOne() {
    CliRun run = CliRun.of("up", "--kafak-port", "1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Possible solutions: --kafka-port");
  }

  @Test
  void anInvalidPortIsAUsageError() {
    CliRun run = CliRun.of("up", "--home", home.toString(), "--kafka-port", "0");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("kafka port must be in 1..65535 but was 0");
  }

  @Test
  void aTakenPortIsNamedWithItsComponentAndNothingStarts() throws Exception {
    Ports ports = Ports.freeEphemeral();
    try (ServerSocket taken = new ServerSocket(ports.flinkRest(), 1, InetAddress.getLoopbackAddress())) {
      CliRun run = CliRun.of(up(ports));
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).isEqualTo("baton: cannot start the stack: port " + ports.flinkRest()
          + " (flink web UI/REST) is already in use; nothing was started" + System.lineSeparator());
      assertThat(run.out()).isEmpty();
    }
    assertThat(home.resolve("run")).doesNotExist();
    assertThat(ProcessMarker.allMarkedWith(home)).isEmpty();
  }

  @Test
  void downWhenNothingRunsSaysSoAndSucceeds() {
    CliRun run = CliRun.of("down", "--home", home.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("Nothing is running (state: " + home + ")" + System.lineSeparator());
  }

  @Test
  void statusOfAStoppedStackListsEveryServerAsDown() {
    CliRun run = CliRun.of("status", "--home", home.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).hasSize(6)
        .anyMatch(l -> l.matches("kafka +down +127\\.0\\.0\\.1:9092"))
        .anyMatch(l -> l.matches("jobmanager +down +http://127\\.0\\.0\\.1:8081"))
        .contains("  Flink Prometheus metrics http://127.0.0.1:9249/metrics http://127.0.0.1:9250/metrics")
        .contains("Baton stack is down (state: " + home + ")");
  }

  @Test
  void logsOfAnUnknownComponentListsTheKnownOnes() {
    CliRun run = CliRun.of("logs", "zookeeper");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown component 'zookeeper'; expected one of kafka, registry, jobmanager, taskmanager");
  }

  @Test
  void logsBeforeAnyStartSaysThereIsNoLog() {
    CliRun run = CliRun.of("logs", "kafka", "--home", home.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("baton: no log for kafka yet (" + home.resolve("logs/kafka.log") + ")");
  }

  @Test
  void logsShowsTheLastLines() throws Exception {
    Files.createDirectories(home.resolve("logs"));
    Files.writeString(home.resolve("logs/registry.log"), "one\ntwo\nthree\n");
    CliRun run = CliRun.of("logs", "registry", "-n", "2", "--home", home.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).containsExactly("two", "three");
  }
}
