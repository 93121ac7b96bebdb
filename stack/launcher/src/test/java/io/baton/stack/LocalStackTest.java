package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {
  @TempDir
  Path home;

  private LocalStack stack(Ports ports) {
    return new LocalStack(StackConfig.builder().repo(home.resolve("no-repo")).home(home).ports(ports).build());
  }

  @Test
  void aTakenPortStopsUpBeforeAnythingStarts() throws Exception {
    Ports ports = Ports.freeEphemeral();
    try (ServerSocket taken = new ServerSocket(ports.registry(), 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> stack(ports).up(StartListener.SILENT))
          .isInstanceOf(StackException.class)
          .hasMessage("cannot start the stack: port " + ports.registry() + " (registry) is already in use; nothing was started");
    }
    assertThat(home.resolve("run")).doesNotExist();
  }

  @Test
  void missingRuntimesSayHowToBuildThem() {
    assertThatThrownBy(() -> stack(Ports.freeEphemeral()).up(StartListener.SILENT))
        .isInstanceOf(StackException.class)
        .hasMessageStartingWith("the local stack is not built (missing " + home.resolve("no-repo/stack/kafka-runtime/target/lib"))
        .hasMessageEndingWith("); run 'mvn -B -DskipTests install' in " + home.resolve("no-repo"));
  }

  @Test
  void downWithNothingRunningStopsNothing() throws Exception {
    assertThat(stack(Ports.defaults()).down()).isEmpty();
  }

  @Test
  void stalePidFilesAreNotRunningAndDownRemovesThemWithoutKillingTheProcess() throws Exception {
    // A pid file left behind, whose pid now belongs to some other program.
    Process other = new ProcessBuilder("sleep", "120").start();
    try {
      Files.createDirectories(home.resolve("run"));
      Files.writeString(home.resolve("run/kafka.pid"), other.pid() + "\n");
      LocalStack stack = stack(Ports.defaults());
      assertThat(stack.status()).allMatch(s -> !s.isUp());
      assertThat(stack.down()).isEmpty();
      assertThat(home.resolve("run/kafka.pid")).doesNotExist();
      assertThat(other.isAlive()).as("the other program still runs").isTrue();
    } finally {
      other.destroyForcibly();
    }
  }

  private void kafkaFormatted(KafkaSecurity security) throws Exception {
    new StackState(StackLayout.at(home)).recordKafkaSecurity(security);
    Files.createDirectories(home.resolve("kafka/data"));
    Files.writeString(home.resolve("kafka/data/meta.properties"), "version=1\n");
  }

  private LocalStack secureStack() {
    return new LocalStack(StackConfig.builder().repo(home.resolve("no-repo")).home(home).ports(Ports.freeEphemeral())
        .secure(true).build());
  }

  @Test
  void secureUpOnAStackSetUpPlainIsRefusedBeforeAnythingStarts() throws Exception {
    kafkaFormatted(KafkaSecurity.PLAIN);
    assertThatThrownBy(() -> secureStack().up(StartListener.SILENT))
        .isInstanceOf(StackException.class)
        .hasMessageStartingWith("the stack in " + home + " was set up plain: its Kafka data has no SCRAM users and no"
            + " ACLs, so it cannot start secure; nothing was started. For a secure stack use a fresh state folder: delete "
            + home);
    assertThat(home.resolve("run")).doesNotExist();
    assertThat(home.resolve("secure")).doesNotExist();
  }

  @Test
  void aStackSetUpSecureStaysSecureWhenTheConfigDoesNotAsk() throws Exception {
    kafkaFormatted(KafkaSecurity.SCRAM);
    LocalStack plainConfig = stack(Ports.defaults());
    assertThat(plainConfig.kafkaSecurity()).isEqualTo(KafkaSecurity.SCRAM);
    assertThat(plainConfig.endpoints().kafkaClientPropertiesFile()).contains(home.resolve("secure/kafka-admin-client.properties"));
  }

  @Test
  void aFreshStackIsWhatTheConfigAsks() throws Exception {
    assertThat(secureStack().kafkaSecurity()).isEqualTo(KafkaSecurity.SCRAM);
    assertThat(stack(Ports.defaults()).kafkaSecurity()).isEqualTo(KafkaSecurity.PLAIN);
    assertThat(stack(Ports.defaults()).endpoints().isSecure()).isFalse();
  }

  @Test
  void aFreshSecureStackGetsPastTheSecurityChecks() {
    // No runtimes here: getting as far as that check means security let it through.
    assertThatThrownBy(() -> secureStack().up(StartListener.SILENT))
        .isInstanceOf(StackException.class).hasMessageStartingWith("the local stack is not built");
  }

  @Test
  void aSecureStackWhosePasswordIsGoneIsRefused() throws Exception {
    kafkaFormatted(KafkaSecurity.SCRAM);
    assertThatThrownBy(() -> stack(Ports.freeEphemeral()).up(StartListener.SILENT))
        .isInstanceOf(StackException.class)
        .hasMessage("the stack in " + home + " was set up secure but its Kafka admin password "
            + home.resolve("secure/kafka-admin.password") + " is gone; nothing was started. Restore that file, or delete "
            + home + " for a fresh stack");
  }

  @Test
  void killingAServerThatDoesNotRunKillsNothing() throws Exception {
    assertThat(stack(Ports.freeEphemeral()).kill(Component.TASKMANAGER)).isEmpty();
  }

  @Test
  void startingOneServerOfAStackNeverStartedSaysToRunUp() {
    assertThatThrownBy(() -> stack(Ports.freeEphemeral()).start(Component.TASKMANAGER))
        .isInstanceOf(StackException.class)
        .hasMessage("cannot start taskmanager alone: the stack in " + home + " was never started; run 'baton up' first");
  }

  @Test
  void killTakesDownTheRecordedProcessWithoutTouchingTheOthers() throws Exception {
    Process marked = markedSleeper(Component.TASKMANAGER);
    Process other = markedSleeper(Component.JOBMANAGER);
    try {
      StackState state = new StackState(StackLayout.at(home));
      state.recordPid(Component.TASKMANAGER, marked.pid());
      state.recordPid(Component.JOBMANAGER, other.pid());
      LocalStack stack = stack(Ports.freeEphemeral());

      assertThat(stack.kill(Component.TASKMANAGER)).contains(marked.pid());

      assertThat(marked.isAlive()).isFalse();
      assertThat(marked.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
      assertThat(home.resolve("run/taskmanager.pid")).doesNotExist();
      assertThat(other.isAlive()).isTrue();
      assertThat(state.running(Component.JOBMANAGER)).isPresent();
    } finally {
      marked.destroyForcibly();
      other.destroyForcibly();
    }
  }

  @Test
  void startingAServerThatRunsIsRefused() throws Exception {
    Process marked = markedSleeper(Component.REGISTRY);
    try {
      new StackState(StackLayout.at(home)).recordPid(Component.REGISTRY, marked.pid());
      assertThatThrownBy(() -> stack(Ports.freeEphemeral()).start(Component.REGISTRY))
          .isInstanceOf(StackException.class).hasMessage("registry already runs (pid " + marked.pid() + ")");
    } finally {
      marked.destroyForcibly();
    }
  }

  /** A process carrying {@code c}'s marker for this home, as the stack's servers do. */
  private Process markedSleeper(Component c) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path source = home.resolve("Sleep.java");
    if (!Files.exists(source)) {
      Files.writeString(source, "class Sleep { public static void main(String[] a) throws Exception { Thread.sleep(120_000); } }");
    }
    return new ProcessBuilder(java.toString(), "-D" + ProcessMarker.COMPONENT + "=" + c.id(),
        "-D" + ProcessMarker.HOME + "=" + home.toAbsolutePath().normalize(), "-Xmx16m", "-XX:TieredStopAtLevel=1",
        source.toString()).start();
  }
}
