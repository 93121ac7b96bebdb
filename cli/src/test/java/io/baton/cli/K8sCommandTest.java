package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code baton k8s render} on the example job jar (the resources themselves are validated in the k8s module). */
class K8sCommandTest {

  @TempDir
  Path out;

  @Test
  void renderWritesTheKustomizationOnTheCheckoutsDevOverlay() throws Exception {
    CliRun render = CliRun.of("k8s", "render", "sensor-story", "-o", out.toString(),
        "--jar-uri", "https://artifacts.example.com/baton-examples.jar");
    assertThat(render.exitCode()).as(render.err()).isZero();
    assertThat(render.out()).contains("kafka-users.yaml", "Apply with: kubectl apply -k " + out);
    try (var files = Files.list(out)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("kustomization.yaml",
          "session-jobs.yaml", "kafka-topics.yaml", "kafka-users.yaml", "kafka-clients.yaml", "session-mounts.yaml");
    }
    String kustomization = Files.readString(out.resolve("kustomization.yaml"));
    String overlay = kustomization.lines().filter(l -> l.strip().startsWith("- ") && l.contains("overlays/dev")).findFirst().orElseThrow()
        .replaceFirst("^\\s*- ", "");
    assertThat(out.resolve(overlay).resolve("kustomization.yaml")).exists();
    assertThat(Files.readString(out.resolve("session-jobs.yaml")))
        .contains("jarURI: https://artifacts.example.com/baton-examples.jar", "- --stage", "- per-minute");
  }

  @Test
  void renderWithoutOutputIsAUsageError() {
    CliRun render = CliRun.of("k8s", "render", "sensor-story");
    assertThat(render.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(render.err()).contains("Missing required option: '--output=<dir>'");
  }

  @Test
  void anOverlayWithoutKustomizationIsRefused() {
    CliRun render = CliRun.of("k8s", "render", "sensor-story", "-o", out.resolve("r").toString(), "--overlay", out.toString());
    assertThat(render.exitCode()).isEqualTo(1);
    assertThat(render.err().trim()).isEqualTo("baton: --overlay " + out + " holds no kustomization.yaml");
  }
}
