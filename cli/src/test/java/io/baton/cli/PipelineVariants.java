package io.baton.cli;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * Job jars of one pipeline in several versions, compiled at test time: the example job jar (Baton's stage job, the
 * Kafka connector, Avro) with the example pipelines replaced by the classes compiled from the given sources.
 *
 * <pre>{@code
 * Path v1 = PipelineVariants.jar(dir.resolve("v1"), Map.of("upg.Twice", source), "upg.Twice");
 * }</pre>
 */
public final class PipelineVariants {
  private PipelineVariants() {}

  /** {@code <dir>/pipeline.jar}: the example jar's classes, {@code sources} compiled, {@code definition} its only pipeline. */
  static Path jar(Path dir, Map<String, String> sources, String definition) throws Exception {
    return jar(dir, sources, definition, List.of());
  }

  /**
   * The example jar with {@code sources} compiled against it (replacing the classes of the same names), and
   * {@code definition} its only pipeline, or its own pipelines when null.
   */
  static Path examplesWith(Path dir, Map<String, String> sources, String definition) throws Exception {
    return jar(dir, sources, definition, List.of(JobJar.defaultJar().toString()));
  }

  /**
   * {@code jar}: the example jar's classes plus {@code classes} (compiled test classes, each with its nested and
   * lambda classes), {@code definition} its only pipeline. Public for the fault tests in {@code faults}.
   */
  public static Path examplesPlus(Path jar, List<Class<?>> classes, String definition) throws Exception {
    try (JarFile examples = new JarFile(JobJar.defaultJar().toFile());
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Enumeration<JarEntry> e = examples.entries(); e.hasMoreElements(); ) {
        JarEntry entry = e.nextElement();
        if (entry.getName().equals(JobJar.SERVICES) || entry.getName().matches("META-INF/[^/]+\\.(SF|DSA|RSA)")) {
          continue;
        }
        out.putNextEntry(new JarEntry(entry.getName()));
        examples.getInputStream(entry).transferTo(out);
        out.closeEntry();
      }
      for (Class<?> c : classes) {
        Path root = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path file = root.resolve(c.getName().replace('.', '/') + ".class");
        String simple = c.getSimpleName();
        try (Stream<Path> files = Files.list(file.getParent())) {
          for (Path f : files.filter(f -> f.getFileName().toString().equals(simple + ".class")
              || f.getFileName().toString().startsWith(simple + "$")).toList()) {
            out.putNextEntry(new JarEntry(root.relativize(f).toString().replace(File.separatorChar, '/')));
            out.write(Files.readAllBytes(f));
            out.closeEntry();
          }
        }
      }
      out.putNextEntry(new JarEntry(JobJar.SERVICES));
      out.write((definition + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }

  private static Path jar(Path dir, Map<String, String> sources, String definition, List<String> classpath)
      throws Exception {
    Path classes = compile(dir, sources, classpath);
    Set<String> compiled;
    try (Stream<Path> files = Files.walk(classes)) {
      compiled = files.filter(Files::isRegularFile)
          .map(f -> classes.relativize(f).toString().replace(File.separatorChar, '/')).collect(Collectors.toSet());
    }
    Path jar = dir.resolve("pipeline.jar");
    try (JarFile examples = new JarFile(JobJar.defaultJar().toFile());
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Enumeration<JarEntry> e = examples.entries(); e.hasMoreElements(); ) {
        JarEntry entry = e.nextElement();
        if (definition != null && entry.getName().equals(JobJar.SERVICES) || compiled.contains(entry.getName())
            || entry.getName().matches("META-INF/[^/]+\\.(SF|DSA|RSA)")) {
          continue;
        }
        out.putNextEntry(new JarEntry(entry.getName()));
        examples.getInputStream(entry).transferTo(out);
        out.closeEntry();
      }
      try (Stream<Path> files = Files.walk(classes)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
          out.write(Files.readAllBytes(f));
          out.closeEntry();
        }
      }
      if (definition != null) {
        out.putNextEntry(new JarEntry(JobJar.SERVICES));
        out.write((definition + "\n").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  private static Path compile(Path dir, Map<String, String> sources, List<String> extraClasspath) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src"));
    Path out = Files.createDirectories(dir.resolve("classes"));
    String classpath = Stream.of(io.baton.api.Pipeline.class, io.baton.schemas.sensor.Reading.class,
        org.apache.avro.Schema.class).map(PipelineVariants::location)
        .collect(Collectors.joining(File.pathSeparator, "", extraClasspath.isEmpty() ? ""
            : File.pathSeparator + String.join(File.pathSeparator, extraClasspath)));
    List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-proc:none", "-classpath", classpath));
    for (Map.Entry<String, String> s : sources.entrySet()) {
      Path file = src.resolve(s.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, s.getValue());
      args.add(file.toString());
    }
    if (ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)) != 0) {
      throw new IllegalStateException("javac failed for " + sources.keySet());
    }
    return out;
  }

  private static String location(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
