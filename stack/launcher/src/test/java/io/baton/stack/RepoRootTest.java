package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoRootTest {
  @TempDir
  Path tmp;

  private Path fakeRepo() throws Exception {
    Files.createDirectories(tmp.resolve("repo/stack/launcher"));
    Files.writeString(tmp.resolve("repo/pom.xml"), "<project/>");
    Files.writeString(tmp.resolve("repo/stack/launcher/pom.xml"), "<project/>");
    return tmp.resolve("repo");
  }

  @Test
  void walksUpFromANestedDirectory() throws Exception {
    Path repo = fakeRepo();
    Path nested = Files.createDirectories(repo.resolve("jobs/examples/src"));
    assertThat(RepoRoot.locate(null, Map.of(), nested)).isEqualTo(repo);
  }

  @Test
  void systemPropertyWinsOverEnvironment() throws Exception {
    Path repo = fakeRepo();
    assertThat(RepoRoot.locate(repo.toString(), Map.of("BATON_REPO", "/nowhere"), tmp)).isEqualTo(repo);
    assertThat(RepoRoot.locate(null, Map.of("BATON_REPO", repo.toString()), tmp)).isEqualTo(repo);
  }

  @Test
  void aDistributionIsARootAndCarriesTheServerClasspaths() throws Exception {
    Path dist = Files.createDirectories(tmp.resolve("baton-1.0/stack/kafka")).getParent().getParent();
    Files.createDirectories(dist.resolve("bin"));
    Files.writeString(dist.resolve("bin/baton"), "#!/bin/sh");
    assertThat(RepoRoot.locate(null, Map.of("BATON_REPO", dist.toString()), tmp)).isEqualTo(dist);
    StackConfig config = StackConfig.builder().repo(dist).build();
    assertThat(config.kafkaLib()).isEqualTo(dist.resolve("stack/kafka"));
    assertThat(config.flinkLib()).isEqualTo(dist.resolve("stack/flink"));
    assertThat(config.registryDist()).isEqualTo(dist.resolve("stack/registry"));
    assertThat(config.home()).isEqualTo(dist.resolve(".baton"));
  }

  @Test
  void aDirectoryThatIsNoCheckoutIsNamed() {
    assertThatThrownBy(() -> RepoRoot.locate(null, Map.of("BATON_REPO", tmp.toString()), tmp))
        .isInstanceOf(StackException.class)
        .hasMessage("environment variable BATON_REPO points to " + tmp + ", which is not a Baton checkout"
            + " (no stack/launcher/pom.xml) nor a Baton distribution (no bin/baton beside stack/kafka)");
  }

  @Test
  void nothingAboveSaysHowToPointAtTheCheckout() {
    assertThatThrownBy(() -> RepoRoot.locate(null, Map.of(), tmp))
        .isInstanceOf(StackException.class)
        .hasMessage("cannot find the Baton checkout above " + tmp + "; set BATON_REPO or -Dbaton.repo");
  }
}
