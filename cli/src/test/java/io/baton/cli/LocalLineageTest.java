package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The local stack's OpenLineage setting: a file under the stack's home unless BATON_LINEAGE says otherwise. */
class LocalLineageTest {
  private final Path home = Path.of("/repo/.baton");

  @Test
  void unsetWritesEventsToTheStacksLineageFile() {
    assertThat(Cluster.localLineage(home, null))
        .hasToString("LineageSettings.toFile(/repo/.baton/lineage/openlineage.jsonl).inNamespace(baton)");
  }

  @Test
  void offTurnsThemOff() {
    assertThat(Cluster.localLineage(home, "off").enabled()).isFalse();
  }

  @Test
  void aPathIsAnOpenLineageClientConfigForMarquez() {
    assertThat(Cluster.localLineage(home, "/etc/openlineage.yml"))
        .hasToString("LineageSettings.fromClientConfig(/etc/openlineage.yml).inNamespace(baton)");
  }
}
