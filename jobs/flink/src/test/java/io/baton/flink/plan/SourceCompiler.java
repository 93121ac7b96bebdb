package io.baton.flink.plan;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles Java sources at test time (two builds of one class with different bytecode) and loads them. */
final class SourceCompiler {
  private SourceCompiler() {}

  /** Compiles {@code sources} (class name → source) into {@code dir} against the classes of {@code classpathOf}. */
  static Path compile(Path dir, Map<String, String> sources, Class<?>... classpathOf) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    Path out = Files.createDirectories(dir.resolve("classes"));
    List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-proc:none", "-classpath",
        List.of(classpathOf).stream().map(SourceCompiler::location).collect(Collectors.joining(File.pathSeparator))));
    for (Map.Entry<String, String> s : sources.entrySet()) {
      Path file = src.resolve(s.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, s.getValue());
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int code = javac.run(null, null, null, args.toArray(String[]::new));
    if (code != 0) {
      throw new IllegalStateException("javac failed with " + code);
    }
    return out;
  }

  /** A class loader over {@code classes} in front of the test's own. */
  static URLClassLoader loader(Path classes) throws MalformedURLException {
    return new URLClassLoader(new URL[] {classes.toUri().toURL()}, SourceCompiler.class.getClassLoader());
  }

  private static String location(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
