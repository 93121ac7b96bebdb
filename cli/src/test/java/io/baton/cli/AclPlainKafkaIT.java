package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.stack.Ports;
import io.baton.stack.RepoRoot;
import io.baton.stack.StackConfig;
import io.baton.stack.ThrowawayKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code acl --apply} through a context whose Kafka (a plain broker on free ports) has no authorizer: one clear line. */
class AclPlainKafkaIT {
  @TempDir
  Path home;

  @AfterEach
  void restoreContexts() {
    TestContextsFile.restore();
  }

  @Test
  void applyOnABrokerWithoutAnAuthorizerSaysHowToGetOne() throws Exception {
    StackConfig config = StackConfig.builder().repo(RepoRoot.locate()).home(home).ports(Ports.freeEphemeral()).build();
    try (ThrowawayKafka kafka = ThrowawayKafka.start(config)) {
      String servers = kafka.endpoints().kafkaBootstrapServers();
      Path contexts = Files.writeString(home.resolve("config.yaml"), """
          contexts:
            plain:
              flink: {rest: "http://127.0.0.1:1", jobFiles: "%s"}
              kafka: {bootstrap: "%s"}
              registry: {url: "http://127.0.0.1:1/apis/ccompat/v7"}
          """.formatted(home.resolve("jobs"), servers));
      TestContextsFile.use(contexts);

      CliRun apply = CliRun.at(home, "acl", "sensor-story", "--apply", "--context", "plain");

      assertThat(apply.exitCode()).isEqualTo(ExitCodes.FAILED);
      assertThat(apply.err()).isEqualTo("baton: Kafka at " + servers + " has no authorizer, so it keeps no ACLs; the"
          + " local stack has one when started secure (./baton up --secure on a fresh --home), a cluster when its"
          + " brokers set authorizer.class.name\n");
      assertThat(home.resolve("jobs")).doesNotExist();
    }
  }
}
