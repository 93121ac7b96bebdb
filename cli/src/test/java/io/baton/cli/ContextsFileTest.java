package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextsFileTest {
  private static final String DEV = """
      # our clusters
      current-context: local
      contexts:
        dev:   # the team's
          flink: {rest: "http://flink:8081"}
          kafka: {bootstrap: "b:9092"}
          registry: {url: "http://r:8085/apis/ccompat/v7"}
      """;

  @TempDir
  Path dir;

  @Test
  void batonConfigWinsThenXdgConfigHomeThenTheHomeFolder() {
    assertThat(ContextsFile.location(Map.of("BATON_CONFIG", "/a/c.yaml", "XDG_CONFIG_HOME", "/x")))
        .isEqualTo(Path.of("/a/c.yaml"));
    assertThat(ContextsFile.location(Map.of("XDG_CONFIG_HOME", "/x"))).isEqualTo(Path.of("/x/baton/config.yaml"));
    assertThat(ContextsFile.location(Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".config", "baton", "config.yaml"));
  }

  @Test
  void useRewritesOnlyTheCurrentContextLine() throws Exception {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, DEV);

    ContextsFile.at(file).use("dev");

    assertThat(Files.readString(file)).isEqualTo(DEV.replace("current-context: local", "current-context: dev"));
    assertThat(ContextsFile.at(file).load().current()).isEqualTo("dev");
  }

  @Test
  void useOfAnUnknownContextChangesNothing() throws Exception {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, DEV);

    assertThatThrownBy(() -> ContextsFile.at(file).use("prod")).hasMessageStartingWith("no context 'prod'");
    assertThat(Files.readString(file)).isEqualTo(DEV);
  }

  @Test
  void useWithoutAFileCreatesAnOwnerOnlyOne() throws Exception {
    Path file = dir.resolve("baton/config.yaml");

    ContextsFile.at(file).use("local");

    assertThat(Files.readString(file)).isEqualTo("current-context: local\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void aFileThatIsNotYamlSaysWhere() throws Exception {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, "contexts:\n  dev: [unclosed\n");

    assertThatThrownBy(() -> ContextsFile.at(file).load()).isInstanceOf(CliException.class)
        .hasMessageStartingWith("invalid contexts file " + file + ": not YAML (");
  }
}
