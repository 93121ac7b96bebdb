package io.baton.flink.plan;

import io.baton.api.fn.Lambdas;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The classes that hold a stage's user code, found from the objects the definition gave it: for a serializable lambda
 * or method reference the class its body is in ({@code SerializedLambda.getImplClass()}), for an object its class;
 * records and fields are followed, and so are a lambda's captured values. Baton's own API classes and the JDK's are
 * left out. Read with the class loader that defined each object, so a job jar's bytes are what count.
 *
 * <pre>{@code
 * UserCode code = new UserCode();
 * code.visit(spec.function().orElseThrow());
 * byte[] digestInput = code.classBytes();   // class name + bytes, sorted by name
 * }</pre>
 */
final class UserCode {
  private static final int MAX_DEPTH = 8;

  private final Map<String, ClassLoader> classes = new TreeMap<>();
  private final Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  /** Follows {@code root} and what it holds. */
  void visit(Object root) {
    visit(root, 0);
  }

  /** The user classes found, by name. */
  Set<String> classNames() {
    return classes.keySet();
  }

  /** Feeds every user class's name and bytes, sorted by name, into {@code digest}. */
  void digest(MessageDigest digest) {
    for (Map.Entry<String, ClassLoader> c : classes.entrySet()) {
      digest.update(c.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(bytes(c.getKey(), c.getValue()));
      digest.update((byte) 0);
    }
  }

  private void visit(Object o, int depth) {
    if (o == null || depth > MAX_DEPTH || plain(o.getClass()) && !(o instanceof Collection<?>)
        && !(o instanceof Map<?, ?>) && !(o instanceof Optional<?>) || !seen.add(o)) {
      return;
    }
    if (o instanceof Collection<?> items) {
      items.forEach(item -> visit(item, depth + 1));
      return;
    }
    if (o instanceof Map<?, ?> map) {
      map.values().forEach(v -> visit(v, depth + 1));
      return;
    }
    if (o instanceof Optional<?> opt) {
      opt.ifPresent(v -> visit(v, depth + 1));
      return;
    }
    Optional<SerializedLambda> lambda = o instanceof Serializable s ? Lambdas.serialized(s) : Optional.empty();
    if (lambda.isPresent()) {
      add(lambda.get().getImplClass().replace('/', '.'), o.getClass().getClassLoader());
      for (int i = 0; i < lambda.get().getCapturedArgCount(); i++) {
        visit(lambda.get().getCapturedArg(i), depth + 1);
      }
      return;
    }
    add(o.getClass().getName(), o.getClass().getClassLoader());
    if (o.getClass().isRecord()) {
      for (RecordComponent rc : o.getClass().getRecordComponents()) {
        visit(read(rc, o), depth + 1);
      }
      return;
    }
    for (Class<?> c = o.getClass(); c != null && !plain(c); c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
          visit(read(f, o), depth + 1);
        }
      }
    }
  }

  private void add(String className, ClassLoader loader) {
    if (!className.startsWith("io.baton.api.") && !className.startsWith("java")) {
      classes.putIfAbsent(className, loader == null ? ClassLoader.getSystemClassLoader() : loader);
    }
  }

  private static boolean plain(Class<?> c) {
    String name = c.getName();
    return c.isPrimitive() || c.isArray() || c.isEnum() || name.startsWith("java.") || name.startsWith("javax.")
        || name.startsWith("jdk.") || name.startsWith("org.apache.avro.");
  }

  private static Object read(RecordComponent rc, Object o) {
    try {
      rc.getAccessor().setAccessible(true);
      return rc.getAccessor().invoke(o);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static Object read(Field f, Object o) {
    try {
      f.setAccessible(true);
      return f.get(o);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /**
   * A class file's bytes as loaded: read from the class's own code source (its jar or folder), since a class loader
   * that loads classes jar-first may still find resources parent-first; else from {@code loader}; a class without a
   * class file (generated at run time) counts by name only.
   */
  private static byte[] bytes(String className, ClassLoader loader) {
    String resource = className.replace('.', '/') + ".class";
    try {
      CodeSource source = Class.forName(className, false, loader).getProtectionDomain().getCodeSource();
      if (source != null && source.getLocation() != null && source.getLocation().getProtocol().equals("file")) {
        Path location = Path.of(source.getLocation().toURI());
        if (Files.isDirectory(location)) {
          return Files.readAllBytes(location.resolve(resource));
        }
        try (JarFile jar = new JarFile(location.toFile())) {
          JarEntry entry = jar.getJarEntry(resource);
          if (entry != null) {
            try (InputStream in = jar.getInputStream(entry)) {
              return in.readAllBytes();
            }
          }
        }
      }
    } catch (ReflectiveOperationException | URISyntaxException | IOException | RuntimeException | LinkageError e) {
      // fall back to the loader's resource
    }
    try (InputStream in = loader.getResourceAsStream(resource)) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the class file of " + className + ": " + e.getMessage(), e);
    }
  }
}
