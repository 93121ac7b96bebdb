package io.baton.quickstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A Maven local repository of the integration test's own, under target/: it holds the io.baton artifacts this build
 * just made (copied from the modules' target folders, as {@code install} would lay them out) and is chained to the
 * build's own local repository through a {@code file:} mirror for everything else. Nothing is written to
 * {@code ~/.m2/repository/io/baton}.
 *
 * <pre>{@code
 * PrivateRepository repo = PrivateRepository.seed(checkout, "0.1.0-SNAPSHOT", archetypeJar, work.resolve("m2"));
 * repo.settings(userRepository);   // settings.xml whose mirror reads the rest from the user's repository
 * }</pre>
 */
final class PrivateRepository {
  /** Module folder, artifactId and whether it has a jar: every io.baton artifact a generated project resolves. */
  private record Module(String dir, String artifactId, boolean jar) {}

  private static final List<Module> MODULES = List.of(
      new Module("", "baton-parent", false),
      new Module("stack", "baton-stack", false),
      new Module("stack/launcher", "baton-stack-launcher", true),
      new Module("stack/registry-runtime", "baton-stack-registry-runtime", false),
      new Module("schemas", "baton-schemas", true),
      new Module("connectors", "baton-connectors", true),
      new Module("jobs", "baton-jobs", false),
      new Module("jobs/api", "baton-api", true),
      new Module("jobs/flink", "baton-flink", true),
      new Module("jobs/testing", "baton-testing", true));

  private final Path root;

  private PrivateRepository(Path root) {
    this.root = root;
  }

  static PrivateRepository seed(Path checkout, String version, Path archetypeJar, Path root) throws IOException {
    PrivateRepository repo = new PrivateRepository(root);
    for (Module m : MODULES) {
      Path dir = checkout.resolve(m.dir());
      repo.put(m.artifactId(), version, "pom", dir.resolve("pom.xml"));
      if (m.jar()) {
        Path jar = dir.resolve("target/" + m.artifactId() + "-" + version + ".jar");
        if (!Files.isRegularFile(jar)) {
          throw new IllegalStateException(jar + " is missing: build the reactor first (mvn -B -o -DskipTests package)");
        }
        repo.put(m.artifactId(), version, "jar", jar);
      }
    }
    repo.put("baton-quickstart", version, "pom", checkout.resolve("quickstart/pom.xml"));
    repo.put("baton-quickstart", version, "jar", archetypeJar);
    return repo;
  }

  private void put(String artifactId, String version, String extension, Path file) throws IOException {
    Path dir = root.resolve("io/baton/" + artifactId + "/" + version);
    Files.createDirectories(dir);
    Files.copy(file, dir.resolve(artifactId + "-" + version + "." + extension), StandardCopyOption.REPLACE_EXISTING);
  }

  Path root() {
    return root;
  }

  /** A settings.xml that reads everything not in this repository from {@code userRepository}, never the network. */
  Path settings(Path userRepository, Path file) throws IOException {
    String url = userRepository.toUri().toString();
    // Releases only from there (its files carry no checksums): an io.baton snapshot missing here fails the build
    // instead of coming silently from someone else's install in the user's repository.
    String policy = "<releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots>";
    Files.writeString(file, """
        <settings>
          <mirrors>
            <mirror><id>build-local-repository</id><mirrorOf>*</mirrorOf><url>%1$s</url></mirror>
          </mirrors>
          <profiles>
            <profile>
              <id>build-local-repository</id>
              <activation><activeByDefault>true</activeByDefault></activation>
              <repositories><repository><id>central</id><url>%1$s</url>%2$s</repository></repositories>
              <pluginRepositories><pluginRepository><id>central</id><url>%1$s</url>%2$s</pluginRepository></pluginRepositories>
            </profile>
          </profiles>
        </settings>
        """.formatted(url, policy));
    return file;
  }
}
