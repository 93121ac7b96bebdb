package io.baton.cli;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * Loads a job jar's classes from the jar alone, as the cluster will: only the types the CLI and the jar must share
 * (the JDK, Baton's API and planner, Avro, Flink, Kafka, logging) come from the CLI. So a class the jar does not
 * hold is missing here too, instead of being found quietly on the CLI's own class path.
 *
 * <pre>{@code
 * try (JarFirstClassLoader loader = new JarFirstClassLoader(jar.toUri().toURL(), JobJar.class.getClassLoader())) {
 *   Class<?> definition = loader.loadClass("com.acme.Orders");   // from the jar, never from the CLI
 * }
 * }</pre>
 */
final class JarFirstClassLoader extends URLClassLoader {
  /** Package prefixes that come from the CLI: the types that cross between the CLI and the jar's classes. */
  static final List<String> SHARED = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.w3c.", "org.xml.",
      "org.ietf.", "io.baton.api.", "io.baton.flink.", "io.baton.connectors.", "io.baton.schemas.", "org.apache.avro.",
      "org.apache.flink.", "org.apache.kafka.", "org.slf4j.", "org.apache.logging.", "com.fasterxml.jackson.");

  static {
    registerAsParallelCapable();
  }

  JarFirstClassLoader(URL jar, ClassLoader cli) {
    super(new URL[] {jar}, cli);
  }

  static boolean shared(String className) {
    return SHARED.stream().anyMatch(className::startsWith);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (shared(name)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        c = findClass(name); // the jar only: what it lacks, the cluster lacks too
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
  }
}
