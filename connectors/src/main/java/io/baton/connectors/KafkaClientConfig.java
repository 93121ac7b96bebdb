package io.baton.connectors;

import io.baton.schemas.registry.ClientPropertiesFile;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * How every Baton Kafka client connects: bootstrap servers plus any client setting (SASL, TLS, {@code client.id},
 * ...), set here or read from an owner-only properties file. An immutable, serializable value.
 *
 * <p>Secrets stay out of job arguments and job graphs' printed forms: {@link #writePropertiesTo} writes every setting
 * to an owner-only file and returns a config naming only the servers and that file. Values may refer to secrets
 * ({@code ${env:NAME}}, {@code ${file:/path}}, see {@link SecretReferences}); they are resolved when the settings are
 * used ({@link #clientProperties()}), unless {@code config.providers} is set (Kafka then resolves its own).
 *
 * <pre>{@code
 * KafkaClientConfig kafka = KafkaClientConfig.of("broker:9093")
 *     .withProperty("security.protocol", "SASL_SSL")
 *     .withPropertiesFile(Path.of("/etc/baton/kafka/client.properties"));   // sasl.jaas.config=...
 * Admin admin = Admin.create(kafka.asProperties());
 * }</pre>
 */
public final class KafkaClientConfig implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String BOOTSTRAP = "bootstrap.servers";

  private final String bootstrapServers;
  private final Map<String, String> properties;
  private final String propertiesFile;

  private KafkaClientConfig(String bootstrapServers, Map<String, String> properties, String propertiesFile) {
    this.bootstrapServers = bootstrapServers;
    this.properties = Collections.unmodifiableMap(new TreeMap<>(properties));
    this.propertiesFile = propertiesFile;
  }

  /** Clients of the brokers at {@code bootstrapServers} ({@code host:port[,host:port...]}), no other setting. */
  public static KafkaClientConfig of(String bootstrapServers) {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("bootstrapServers must not be blank, got '" + bootstrapServers + "'");
    }
    return new KafkaClientConfig(bootstrapServers.trim(), Map.of(), null);
  }

  /** A copy with one more client setting (replacing an earlier value of the same key). */
  public KafkaClientConfig withProperty(String key, String value) {
    if (key == null || key.isBlank() || key.trim().equals(BOOTSTRAP)) {
      throw new IllegalArgumentException("property key must be non-blank and not " + BOOTSTRAP + ", got '" + key + "'");
    }
    Objects.requireNonNull(value, () -> "value of property '" + key + "' must not be null");
    Map<String, String> copy = new TreeMap<>(properties);
    copy.put(key.trim(), value);
    return new KafkaClientConfig(bootstrapServers, copy, propertiesFile);
  }

  /** A copy with all of {@code more} added. */
  public KafkaClientConfig withProperties(Map<String, String> more) {
    KafkaClientConfig result = this;
    for (Map.Entry<String, String> e : more.entrySet()) {
      result = result.withProperty(e.getKey(), e.getValue());
    }
    return result;
  }

  /** A copy that also reads settings from {@code file} each time they are used; settings set here win. */
  public KafkaClientConfig withPropertiesFile(Path file) {
    Objects.requireNonNull(file, "properties file must not be null");
    return new KafkaClientConfig(bootstrapServers, properties, file.toAbsolutePath().normalize().toString());
  }

  /**
   * Writes every client setting (resolved) to {@code file}, readable by its owner only and replaced atomically, and
   * returns a config of the servers and that file: safe to name in a job's arguments.
   */
  public KafkaClientConfig writePropertiesTo(Path file) {
    ClientPropertiesFile.KAFKA.write(file.toAbsolutePath(), clientProperties());
    return new KafkaClientConfig(bootstrapServers, Map.of(), null).withPropertiesFile(file);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Settings set on this config, unresolved, sorted by key (read-only). */
  public Map<String, String> properties() {
    return properties;
  }

  /** The file settings are read from when used, if any. */
  public Optional<Path> propertiesFile() {
    return Optional.ofNullable(propertiesFile).map(Path::of);
  }

  /** True when clients get any setting beyond the bootstrap servers. */
  public boolean hasClientProperties() {
    return !properties.isEmpty() || propertiesFile != null;
  }

  /** What clients get besides the servers: the file's settings (read now), overridden by these, resolved. */
  public Map<String, String> clientProperties() {
    return clientProperties(System::getenv);
  }

  /** {@link #clientProperties()} with {@code env} for the environment. */
  public Map<String, String> clientProperties(UnaryOperator<String> env) {
    Map<String, String> merged = new TreeMap<>();
    if (propertiesFile != null) {
      merged.putAll(ClientPropertiesFile.KAFKA.read(Path.of(propertiesFile)));
    }
    merged.putAll(properties);
    merged.remove(BOOTSTRAP);
    if (merged.containsKey("config.providers")) {
      return Collections.unmodifiableMap(merged);
    }
    return Collections.unmodifiableMap(SecretReferences.resolveAll(merged, env));
  }

  /** Kafka client properties: the bootstrap servers and {@link #clientProperties()}. */
  public Properties asProperties() {
    Properties props = new Properties();
    props.putAll(clientProperties());
    props.put(BOOTSTRAP, bootstrapServers);
    return props;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KafkaClientConfig other && bootstrapServers.equals(other.bootstrapServers)
        && properties.equals(other.properties) && Objects.equals(propertiesFile, other.propertiesFile);
  }

  @Override
  public int hashCode() {
    return Objects.hash(bootstrapServers, properties, propertiesFile);
  }

  /** The expression that builds this config; secret values are masked. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("KafkaClientConfig.of(\"").append(bootstrapServers).append("\")");
    properties.forEach((k, v) -> sb.append(".withProperty(\"").append(k).append("\", \"")
        .append(SecretKeys.shown(k, v)).append("\")"));
    if (propertiesFile != null) {
      sb.append(".withPropertiesFile(Path.of(\"").append(propertiesFile).append("\"))");
    }
    return sb.toString();
  }
}
