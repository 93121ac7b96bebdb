package io.baton.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenRepositoryTest {
  @TempDir
  Path tmp;

  private Path artifact(Path repo, String relative) throws Exception {
    Path file = repo.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x");
    return file;
  }

  @Test
  void findsTheRepositoryThatHoldsTheClasspathsJars() throws Exception {
    Path repo = tmp.resolve("private-m2");
    Path jar = artifact(repo, "org/apache/avro/avro/1.12.1/avro-1.12.1.jar");
    Path zip = artifact(repo, "io/apicurio/apicurio-registry-app/2.6.13.Final/apicurio-registry-app-2.6.13.Final-all.zip");
    MavenRepository m = MavenRepository.of(null, "/elsewhere/classes" + File.pathSeparator + jar, tmp.resolve("home-m2"));
    assertThat(m.find("io.apicurio", "apicurio-registry-app", "2.6.13.Final", "all", "zip")).contains(zip);
  }

  @Test
  void theRepositoryNamedByMavenRepoLocalComesFirst() throws Exception {
    Path named = tmp.resolve("named");
    Path other = tmp.resolve("other");
    Path wanted = artifact(named, "g/a/1/a-1.zip");
    Path jar = artifact(other, "g/b/1/b-1.jar");
    artifact(other, "g/a/1/a-1.zip");
    assertThat(MavenRepository.of(named.toString(), jar.toString(), tmp.resolve("home")).find("g", "a", "1", null, "zip"))
        .contains(wanted);
  }

  @Test
  void aMissingArtifactSaysWhichDependencyBringsIt() {
    MavenRepository m = MavenRepository.of(null, "", tmp.resolve("home-m2"));
    assertThatThrownBy(() -> m.require("io.apicurio", "apicurio-registry-app", "2.6.13.Final", "all", "zip"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the test kit needs io.apicurio:apicurio-registry-app:zip:all:2.6.13.Final in the Maven "
            + "local repository (looked in " + tmp.resolve("home-m2"))
        .hasMessageContaining("<classifier>all</classifier><type>zip</type><scope>test</scope>");
  }

  @Test
  void unpacksOnceIntoAFolderNamedAfterTheZip() throws Exception {
    Path zip = tmp.resolve("dist-1.0-all.zip");
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("lib/"));
      z.putNextEntry(new ZipEntry("lib/a.jar"));
      z.write("jar".getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("runner.jar"));
      z.write("runner".getBytes(StandardCharsets.UTF_8));
    }
    Path dir = MavenRepository.unpackOnce(zip, tmp.resolve("cache"));
    assertThat(dir).isEqualTo(tmp.resolve("cache/dist-1.0-all"));
    assertThat(dir.resolve("lib/a.jar")).hasContent("jar");
    assertThat(dir.resolve("runner.jar")).hasContent("runner");
    Files.writeString(dir.resolve("runner.jar"), "kept");
    assertThat(MavenRepository.unpackOnce(zip, tmp.resolve("cache")).resolve("runner.jar")).hasContent("kept");
  }
}
