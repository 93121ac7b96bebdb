package io.baton.schemas.registry;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads and writes a client properties file: the registry's that a {@link RegistryConfig} may name, and
 * Kafka's (connectors' {@code KafkaClientConfig}). Written files are created readable by their owner only
 * (on POSIX file systems) and replaced atomically, so a stage job restarting meanwhile reads the old or the
 * new settings, never half of them.
 *
 * <pre>{@code
 * ClientPropertiesFile.REGISTRY.write(Path.of(".baton/jobs/p.registry.properties"), Map.of("basic.auth.user.info", "u:p"));
 * Map<String, String> back = ClientPropertiesFile.REGISTRY.read(Path.of(".baton/jobs/p.registry.properties"));
 * }</pre>
 */
public final class ClientPropertiesFile {
  /** The schema registry client's properties file. */
  public static final ClientPropertiesFile REGISTRY = new ClientPropertiesFile("schema registry client properties");
  /** The Kafka clients' properties file. */
  public static final ClientPropertiesFile KAFKA = new ClientPropertiesFile("Kafka client properties");

  private final String what;

  private ClientPropertiesFile(String what) {
    this.what = what;
  }

  /** The file's properties; a missing or unreadable file is a clear error naming it. */
  public Map<String, String> read(Path file) {
    Properties loaded = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      loaded.load(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the " + what + " file " + file + ": " + e
          + "; it must exist and be readable by the user this process (or the Flink task manager) runs as", e);
    }
    Map<String, String> result = new TreeMap<>();
    loaded.stringPropertyNames().forEach(k -> result.put(k, loaded.getProperty(k)));
    return result;
  }

  /** Writes {@code properties} to {@code file} (folders created), readable by its owner only. */
  public void write(Path file, Map<String, String> properties) {
    Path target = file.toAbsolutePath();
    Properties out = new Properties();
    out.putAll(properties);
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp"); // owner-only
      try (Writer w = Files.newBufferedWriter(temp)) {
        out.store(w, what + " (may hold secrets; keep private)");
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the " + what + " file " + target + ": " + e, e);
    }
  }
}
