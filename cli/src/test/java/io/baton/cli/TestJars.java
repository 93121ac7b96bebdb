package io.baton.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Assembles a user's job jar in a test from compiled test classes (each with its nested and lambda classes), an
 * optional services file and optional extra entries.
 *
 * <pre>{@code
 * Path jar = TestJars.jar(dir.resolve("mine.jar"), List.of(GoodPipeline.class), List.of(GoodPipeline.class.getName()));
 * }</pre>
 */
final class TestJars {
  private TestJars() {}

  /** A jar with {@code classes}, {@code services} as its services file (null: none) and empty {@code extraEntries}. */
  static Path jar(Path file, List<Class<?>> classes, List<String> services, String... extraEntries) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
      for (Class<?> c : classes) {
        addClassFiles(out, c);
      }
      if (services != null) {
        put(out, JobJar.SERVICES, (String.join("\n", services) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      for (String entry : extraEntries) {
        put(out, entry, new byte[0]);
      }
    }
    return file;
  }

  private static void addClassFiles(JarOutputStream out, Class<?> c) throws IOException {
    Path root = classesRoot(c);
    String path = c.getName().replace('.', '/');
    Path dir = root.resolve(path).getParent();
    String simple = path.substring(path.lastIndexOf('/') + 1);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().equals(simple + ".class")
          || f.getFileName().toString().startsWith(simple + "$")).toList()) {
        put(out, root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
      }
    }
  }

  private static Path classesRoot(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void put(JarOutputStream out, String name, byte[] content) throws IOException {
    out.putNextEntry(new JarEntry(name));
    OutputStream body = out;
    body.write(content);
    out.closeEntry();
  }
}
