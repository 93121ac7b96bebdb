package io.baton.k8s.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the tests look for kubectl, and when its absence fails the build. */
class KubectlTest {
  @TempDir
  Path dir;

  @Test
  void foundOnThePath() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path kubectl = Files.createFile(bin.resolve("kubectl"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    assertThat(Kubectl.find(Map.of("PATH", dir.resolve("empty") + ":" + bin))).get()
        .extracting(Kubectl::executable).isEqualTo(kubectl);
  }

  @Test
  void absentFromAPathWithoutIt() {
    assertThat(Kubectl.find(Map.of("PATH", dir.toString()))).isEmpty();
  }

  @Test
  void kubectlVariableMustNameAnExecutable() {
    assertThatThrownBy(() -> Kubectl.find(Map.of("KUBECTL", dir.resolve("nope").toString())))
        .hasMessage("KUBECTL=" + dir.resolve("nope") + " is not an executable file");
  }

  @Test
  void requiredOnCiOrWhenAsked() {
    assertThat(Kubectl.required(Map.of("BATON_REQUIRE_KUBECTL", "1"))).isTrue();
    assertThat(Kubectl.required(Map.of("CI", "true"))).isTrue();
    assertThat(Kubectl.required(Map.of())).isFalse();
  }
}
