package io.baton.k8s.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code kubectl kustomize}, found as {@code $KUBECTL} or on the {@code PATH} (Debian: {@code apt-get install
 * kubernetes-client}; {@code .ci/run} installs it when missing).
 */
public final class Kubectl {
  private final Path executable;

  private Kubectl(Path executable) {
    this.executable = executable;
  }

  public static Optional<Kubectl> find() {
    return find(System.getenv());
  }

  /** {@code KUBECTL} if it names an executable, else the first {@code kubectl} on {@code PATH} of {@code env}. */
  static Optional<Kubectl> find(Map<String, String> env) {
    String explicit = env.get("KUBECTL");
    if (explicit != null && !explicit.isBlank()) {
      if (!Files.isExecutable(Path.of(explicit))) {
        throw new IllegalStateException("KUBECTL=" + explicit + " is not an executable file");
      }
      return Optional.of(new Kubectl(Path.of(explicit)));
    }
    String path = env.getOrDefault("PATH", "");
    return Stream.of(path.split(java.io.File.pathSeparator)).filter(d -> !d.isBlank())
        .map(d -> Path.of(d, "kubectl")).filter(Files::isExecutable).findFirst().map(Kubectl::new);
  }

  /** True when the build must have kubectl ({@code BATON_REQUIRE_KUBECTL=1}, as {@code .ci/run} sets it). */
  public static boolean required() {
    return required(System.getenv());
  }

  static boolean required(Map<String, String> env) {
    return "1".equals(env.get("BATON_REQUIRE_KUBECTL")) || "true".equals(env.get("CI"));
  }

  public Path executable() {
    return executable;
  }

  /** The rendered YAML of a kustomization folder. */
  public String kustomize(Path dir) throws IOException, InterruptedException {
    Path out = Files.createTempFile("kustomize", ".yaml");
    Path err = Files.createTempFile("kustomize", ".err");
    try {
      Process p = new ProcessBuilder(List.of(executable.toString(), "kustomize", dir.toString()))
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException("kubectl kustomize " + dir + " did not finish in 2 minutes");
      }
      if (p.exitValue() != 0) {
        throw new IOException("kubectl kustomize " + dir + " failed (" + p.exitValue() + "): "
            + Files.readString(err, StandardCharsets.UTF_8).strip());
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
