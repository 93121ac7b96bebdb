package io.baton.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the local servers' classpaths are: in a Baton checkout (what the stack/*-runtime modules copied to their
 * {@code target/} folders) or in a Baton distribution (the {@code baton-<version>/} folder the cli module builds,
 * with {@code bin/baton}, {@code lib/} and {@code stack/kafka}, {@code stack/flink}, {@code stack/registry}).
 *
 * <pre>{@code
 * ServerLibs libs = ServerLibs.of(RepoRoot.locate());   // checkout or distribution
 * libs.kafka();                                          // .../stack/kafka-runtime/target/lib or .../stack/kafka
 * }</pre>
 */
public final class ServerLibs {
  private final Path root;
  private final Path kafka;
  private final Path flink;
  private final Path registry;

  private ServerLibs(Path root, Path kafka, Path flink, Path registry) {
    this.root = root;
    this.kafka = kafka;
    this.flink = flink;
    this.registry = registry;
  }

  /** The classpaths under a checkout or a distribution, as {@code root} is. */
  public static ServerLibs of(Path root) {
    Path r = root.toAbsolutePath().normalize();
    if (isDistribution(r) && !isCheckout(r)) {
      return new ServerLibs(r, r.resolve("stack/kafka"), r.resolve("stack/flink"), r.resolve("stack/registry"));
    }
    return new ServerLibs(r, r.resolve("stack/kafka-runtime/target/lib"), r.resolve("stack/flink-runtime/target/lib"),
        r.resolve("stack/registry-runtime/target/registry"));
  }

  /** Classpaths found elsewhere, e.g. a registry unpacked from the Maven repository by the test kit. */
  public static ServerLibs of(Path root, Path kafka, Path flink, Path registry) {
    return new ServerLibs(Objects.requireNonNull(root, "root"), Objects.requireNonNull(kafka, "kafka"),
        Objects.requireNonNull(flink, "flink"), Objects.requireNonNull(registry, "registry"));
  }

  /** A Baton checkout: the parent pom with the stack launcher module beside it. */
  public static boolean isCheckout(Path p) {
    return Files.isRegularFile(p.resolve("pom.xml")) && Files.isRegularFile(p.resolve("stack/launcher/pom.xml"));
  }

  /** A Baton distribution: {@code bin/baton} with the servers' classpaths under {@code stack/}. */
  public static boolean isDistribution(Path p) {
    return Files.isRegularFile(p.resolve("bin/baton")) && Files.isDirectory(p.resolve("stack/kafka"));
  }

  /** The checkout or distribution these come from. */
  public Path root() {
    return root;
  }

  /** Kafka broker classpath (a folder of jars). */
  public Path kafka() {
    return kafka;
  }

  /** Flink session cluster classpath (a folder of jars). */
  public Path flink() {
    return flink;
  }

  /** The unpacked Apicurio Registry distribution (holds the runner jar). */
  public Path registry() {
    return registry;
  }

  @Override
  public String toString() {
    return "ServerLibs[kafka=" + kafka + ", flink=" + flink + ", registry=" + registry + "]";
  }
}
