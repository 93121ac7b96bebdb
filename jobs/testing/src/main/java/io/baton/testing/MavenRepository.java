package io.baton.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Finds artifacts in the Maven local repository this test JVM's classpath came from, so the test kit runs the
 * servers of a user's project without a Baton checkout. The repository is the one named by {@code maven.repo.local}
 * (system property), else the one that holds the jars on {@code java.class.path} (also a private
 * {@code -Dmaven.repo.local}), else {@code ~/.m2/repository}.
 *
 * <pre>{@code
 * Path zip = MavenRepository.current().require("io.apicurio", "apicurio-registry-app", "2.6.13.Final", "all", "zip");
 * Path dir = MavenRepository.unpackOnce(zip, Path.of(System.getProperty("java.io.tmpdir")));
 * }</pre>
 */
final class MavenRepository {
  private final List<Path> candidates;

  private MavenRepository(List<Path> candidates) {
    this.candidates = candidates;
  }

  /** The repositories to look in, best first, as this JVM was started. */
  static MavenRepository current() {
    return of(System.getProperty("maven.repo.local"), System.getProperty("java.class.path", ""),
        Path.of(System.getProperty("user.home"), ".m2", "repository"));
  }

  static MavenRepository of(String repoLocal, String classPath, Path userDefault) {
    List<Path> candidates = new ArrayList<>();
    if (repoLocal != null && !repoLocal.isBlank()) {
      candidates.add(Path.of(repoLocal));
    }
    for (String entry : classPath.split(File.pathSeparator)) {
      if (entry.endsWith(".jar")) {
        // <repo>/<group path>/<artifact>/<version>/<artifact>-<version>.jar: every ancestor may be the root.
        for (Path p = Path.of(entry).toAbsolutePath().getParent(); p != null; p = p.getParent()) {
          if (!candidates.contains(p)) {
            candidates.add(p);
          }
        }
      }
    }
    candidates.add(userDefault);
    return new MavenRepository(candidates);
  }

  /** The artifact's file in the first repository that holds it. */
  Optional<Path> find(String groupId, String artifactId, String version, String classifier, String type) {
    String file = artifactId + "-" + version + (classifier == null || classifier.isEmpty() ? "" : "-" + classifier)
        + "." + type;
    String relative = groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + file;
    return candidates.stream().map(root -> root.resolve(relative)).filter(Files::isRegularFile).findFirst();
  }

  /** Like {@link #find}, failing with what to add to the project when the artifact is not there. */
  Path require(String groupId, String artifactId, String version, String classifier, String type) {
    String coordinates = groupId + ":" + artifactId + ":" + type + ":" + classifier + ":" + version;
    return find(groupId, artifactId, version, classifier, type).orElseThrow(() -> new IllegalStateException(
        "the test kit needs " + coordinates + " in the Maven local repository (looked in "
            + candidates.get(candidates.size() - 1) + " and the repositories of this JVM's classpath); it comes with "
            + "the dependency io.baton:baton-testing, so run the tests through Maven (mvn verify), or add it as a "
            + "test dependency: <dependency><groupId>" + groupId + "</groupId><artifactId>" + artifactId
            + "</artifactId><version>" + version + "</version><classifier>" + classifier + "</classifier><type>" + type
            + "</type><scope>test</scope></dependency>"));
  }

  /**
   * Unpacks {@code zip} into {@code cache/<zip name without .zip>} unless an earlier run did; the folder appears whole
   * (unpacked beside it, then moved) so test JVMs running at once never see half of it.
   */
  static Path unpackOnce(Path zip, Path cache) throws IOException {
    String name = zip.getFileName().toString().replaceFirst("\\.zip$", "");
    Path target = cache.resolve(name);
    if (Files.isDirectory(target)) {
      return target;
    }
    Files.createDirectories(cache);
    Path partial = Files.createTempDirectory(cache, name + ".partial-");
    try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
      for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
        Path out = partial.resolve(e.getName()).normalize();
        if (!out.startsWith(partial)) {
          throw new IOException(zip + " holds an entry outside its folder: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(entries, out, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    try {
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException someoneElseWasFaster) {
      if (!Files.isDirectory(target)) {
        throw someoneElseWasFaster;
      }
    }
    return target;
  }
}
