package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.connectors.KafkaClientConfig;
import io.baton.flink.deploy.TopicDefaults;
import io.baton.schemas.registry.RegistryConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContextsTest {
  private static final Path FILE = Path.of("/tmp/config.yaml");

  private static Context context(String name) {
    return Context.remote(name, FILE, "http://" + name + ":8081", null, KafkaClientConfig.of(name + ":9092"),
        RegistryConfig.of("http://" + name + ":8085"), TopicDefaults.brokerDefaults());
  }

  private static Contexts contexts(String current) {
    Map<String, Context> defined = new LinkedHashMap<>();
    defined.put("dev", context("dev"));
    defined.put("prod", context("prod"));
    return new Contexts(FILE, current, defined);
  }

  @Test
  void theFlagWinsOverTheCurrentContextWhichWinsOverLocal() {
    assertThat(contexts("dev").select(Optional.of("prod")).name()).isEqualTo("prod");
    assertThat(contexts("dev").select(Optional.empty()).name()).isEqualTo("dev");
    assertThat(contexts(null).select(Optional.empty())).isSameAs(Context.LOCAL);
    assertThat(contexts("dev").select(Optional.of("local"))).isSameAs(Context.LOCAL);
  }

  @Test
  void anUnknownContextListsTheKnownOnes() {
    assertThatThrownBy(() -> contexts("dev").select(Optional.of("staging")))
        .hasMessage("no context 'staging' (--context); the contexts are: local, dev, prod (see: ./baton context list)");
  }
}
