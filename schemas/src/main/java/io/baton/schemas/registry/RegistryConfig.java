package io.baton.schemas.registry;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where the schema registry is and how to talk to it: an immutable, serializable value that Flink
 * operators carry to the task managers and connect from in {@code open()}.
 *
 * <p>Properties are passed to Confluent's registry client as they are, for example basic auth
 * ({@code basic.auth.credentials.source}, {@code basic.auth.user.info}) and TLS
 * ({@code schema.registry.ssl.truststore.location}, ...). A {@code mock://<scope>} URL selects an
 * in-memory registry shared by everything in the same JVM that uses that scope (tests).
 *
 * <p>Secrets and Flink: whatever a job carries is visible to anyone who can read its job graph,
 * and its program arguments are shown in the web UI. So a config that travels to task managers
 * should name a properties file instead ({@link #withPropertiesFile}, {@link #writePropertiesTo}):
 * the file is read each time a client connects, on the machine that connects.
 *
 * <pre>{@code
 * RegistryConfig config = RegistryConfig.of("http://127.0.0.1:8085/apis/ccompat/v7")
 *     .withBasicAuth("baton", "secret")
 *     .withProperty("schema.registry.ssl.truststore.location", "/etc/baton/truststore.jks");
 * try (SchemaRegistry registry = SchemaRegistry.connect(config)) { ... }
 * RegistryConfig forJobs = config.writePropertiesTo(Path.of(".baton/jobs/p.registry.properties")); // URL + path only
 * }</pre>
 */
public final class RegistryConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Client property naming where basic-auth credentials come from. */
  public static final String BASIC_AUTH_SOURCE = "basic.auth.credentials.source";
  /** Client property holding {@code user:password} for basic auth. */
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  /** Client property: how long connecting to the registry may take, in ms. */
  public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
  /** Client property: how long one answer from the registry may take, in ms. */
  public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
  /** Connect timeout when the user sets none (the Confluent client's own default is 60 s). */
  public static final int DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
  /** Read timeout when the user sets none (the Confluent client's own default is 60 s): a hung registry fails a lookup in 10 s. */
  public static final int DEFAULT_READ_TIMEOUT_MS = 10_000;
  /** Default number of schemas the client caches per subject and per id. */
  public static final int DEFAULT_CACHE_CAPACITY = 1_000;

  private static final String MOCK_PREFIX = "mock://";

  private final String url;
  private final Map<String, String> properties;
  private final int cacheCapacity;
  private final String propertiesFile;

  private RegistryConfig(String url, Map<String, String> properties, int cacheCapacity, String propertiesFile) {
    this.url = url;
    this.properties = Collections.unmodifiableMap(new TreeMap<>(properties));
    this.cacheCapacity = cacheCapacity;
    this.propertiesFile = propertiesFile;
  }

  /**
   * A registry at a Confluent-compatible base URL (for Apicurio: {@code http://host:port/apis/ccompat/v7}).
   *
   * @throws IllegalArgumentException when the URL is blank or not http(s):// or mock://
   */
  public static RegistryConfig of(String url) {
    List<String> problems = new ArrayList<>();
    if (url == null || url.isBlank()) {
      problems.add("url must not be blank, got '" + url + "'");
    } else {
      String lower = url.toLowerCase(Locale.ROOT);
      if (!lower.startsWith("http://") && !lower.startsWith("https://") && !lower.startsWith(MOCK_PREFIX)) {
        problems.add("url must start with http://, https:// or mock://, got '" + url + "'");
      } else if (lower.startsWith(MOCK_PREFIX) && url.length() == MOCK_PREFIX.length()) {
        problems.add("url mock:// needs a scope name, e.g. mock://tests, got '" + url + "'");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid RegistryConfig: " + String.join("; ", problems));
    }
    return new RegistryConfig(url.trim(), Map.of(), DEFAULT_CACHE_CAPACITY, null);
  }

  /** An in-memory registry shared by all users of {@code scope} in this JVM ({@code mock://scope}). */
  public static RegistryConfig inMemory(String scope) {
    return of(MOCK_PREFIX + scope);
  }

  /** A copy with one more client property (replacing an earlier value of the same key). */
  public RegistryConfig withProperty(String key, String value) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("property key must not be blank, got '" + key + "'");
    }
    Objects.requireNonNull(value, () -> "value of property '" + key + "' must not be null");
    Map<String, String> copy = new TreeMap<>(properties);
    copy.put(key, value);
    return new RegistryConfig(url, copy, cacheCapacity, propertiesFile);
  }

  /** A copy with all of {@code more} added as client properties. */
  public RegistryConfig withProperties(Map<String, String> more) {
    RegistryConfig result = this;
    for (Map.Entry<String, String> e : more.entrySet()) {
      result = result.withProperty(e.getKey(), e.getValue());
    }
    return result;
  }

  /** A copy that authenticates with HTTP basic auth. */
  public RegistryConfig withBasicAuth(String user, String password) {
    if (user == null || user.isBlank() || user.contains(":")) {
      throw new IllegalArgumentException("basic auth user must be non-blank without ':', got '" + user + "'");
    }
    Objects.requireNonNull(password, "basic auth password must not be null");
    return withProperty(BASIC_AUTH_SOURCE, "USER_INFO").withProperty(BASIC_AUTH_USER_INFO, user + ":" + password);
  }

  /** A copy whose client caches up to {@code capacity} schemas. */
  public RegistryConfig withCacheCapacity(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("cacheCapacity must be positive, got " + capacity);
    }
    return new RegistryConfig(url, properties, capacity, propertiesFile);
  }

  /**
   * A copy that also reads client properties from {@code file} whenever it connects, on the machine that
   * connects (a stage job: its task manager). Properties set on the config itself win over the file's.
   */
  public RegistryConfig withPropertiesFile(Path file) {
    Objects.requireNonNull(file, "properties file must not be null");
    return new RegistryConfig(url, properties, cacheCapacity, file.toAbsolutePath().normalize().toString());
  }

  /**
   * Writes every client property (the file's, then this config's) to {@code file}, readable by its owner
   * only, and returns a config holding just the URL and that file: safe to put in a job's arguments.
   */
  public RegistryConfig writePropertiesTo(Path file) {
    ClientPropertiesFile.REGISTRY.write(file, clientProperties());
    return new RegistryConfig(url, Map.of(), cacheCapacity, null).withPropertiesFile(file);
  }

  /** The registry's base URL. */
  public String url() {
    return url;
  }

  /** Client properties, sorted by key (read-only). */
  public Map<String, String> properties() {
    return properties;
  }

  /** The file client properties are read from when connecting, if any. */
  public Optional<Path> propertiesFile() {
    return Optional.ofNullable(propertiesFile).map(Path::of);
  }

  /** True when connecting passes any property to the client (set here or from a file). */
  public boolean hasClientProperties() {
    return !properties.isEmpty() || propertiesFile != null;
  }

  /** What the client gets: the file's properties (read now), overridden by those set here. */
  public Map<String, String> clientProperties() {
    if (propertiesFile == null) {
      return properties;
    }
    Map<String, String> merged = new TreeMap<>(ClientPropertiesFile.REGISTRY.read(Path.of(propertiesFile)));
    merged.putAll(properties);
    return Collections.unmodifiableMap(merged);
  }

  /** How many schemas the client caches. */
  public int cacheCapacity() {
    return cacheCapacity;
  }

  /** True for a {@code mock://} in-memory registry. */
  public boolean isInMemory() {
    return url.toLowerCase(Locale.ROOT).startsWith(MOCK_PREFIX);
  }

  /** The scope of an in-memory registry ({@code tests} for {@code mock://tests}). */
  String inMemoryScope() {
    return url.substring(MOCK_PREFIX.length());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegistryConfig other
        && url.equals(other.url)
        && properties.equals(other.properties)
        && cacheCapacity == other.cacheCapacity
        && Objects.equals(propertiesFile, other.propertiesFile);
  }

  @Override
  public int hashCode() {
    return Objects.hash(url, properties, cacheCapacity, propertiesFile);
  }

  /** Shows the expression that builds this config; secret values are masked. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("RegistryConfig.of(\"").append(url).append("\")");
    for (Map.Entry<String, String> e : properties.entrySet()) {
      String value = isSecret(e.getKey()) ? "****" : e.getValue();
      sb.append(".withProperty(\"").append(e.getKey()).append("\", \"").append(value).append("\")");
    }
    if (propertiesFile != null) {
      sb.append(".withPropertiesFile(Path.of(\"").append(propertiesFile).append("\"))");
    }
    if (cacheCapacity != DEFAULT_CACHE_CAPACITY) {
      sb.append(".withCacheCapacity(").append(cacheCapacity).append(')');
    }
    return sb.toString();
  }

  private static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password") || k.contains("user.info") || k.contains("secret") || k.contains("token");
  }
}
