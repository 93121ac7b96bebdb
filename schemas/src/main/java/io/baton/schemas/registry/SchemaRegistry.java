package io.baton.schemas.registry;

import io.baton.schemas.compat.CompatibilityChecker;
import io.baton.schemas.compat.CompatibilityLevel;
import io.baton.schemas.compat.CompatibilityProblem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.ParsedSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaMetadata;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.testutil.MockSchemaRegistry;

/**
 * A Confluent-compatible schema registry (Confluent, or Apicurio at {@code /apis/ccompat/v7}), spoken to
 * with plain {@link org.apache.avro.Schema}s.
 *
 * <p>Wraps Confluent's {@code CachedSchemaRegistryClient} (shaded in flink-sql-avro-confluent-registry):
 * lookups by id and by subject are cached by the client. Errors are typed:
 * {@link RegistryUnavailableException} (unreachable / 5xx), {@link SchemaNotFoundException} (404),
 * {@link IncompatibleSchemaException} (409), {@link RegistryAuthException} (401/403), else
 * {@link RegistryException}. Thread-safe.
 *
 * <pre>{@code
 * try (SchemaRegistry registry = SchemaRegistry.connect(RegistryConfig.of("http://127.0.0.1:8085/apis/ccompat/v7"))) {
 *   int id = registry.register("sensors.readings-value", Reading.getClassSchema());
 *   Schema same = registry.schemaById(id);
 * }
 * }</pre>
 */
public final class SchemaRegistry implements AutoCloseable {
  private static final String AVRO = "AVRO";

  private final SchemaRegistryClient client;
  private final String url;
  private final String credentials;

  SchemaRegistry(SchemaRegistryClient client, String url) {
    this(client, url, "no credentials");
  }

  private SchemaRegistry(SchemaRegistryClient client, String url, String credentials) {
    this.client = client;
    this.url = url;
    this.credentials = credentials;
  }

  /**
   * Connects (lazily: the first request opens the connection) to the registry {@code config} names,
   * reading its properties file now if it has one.
   */
  public static SchemaRegistry connect(RegistryConfig config) {
    Objects.requireNonNull(config, "config must not be null");
    if (config.isInMemory()) {
      return new SchemaRegistry(MockSchemaRegistry.getClientForScope(config.inMemoryScope()), config.url());
    }
    Map<String, String> props = withTimeouts(config.clientProperties());
    return new SchemaRegistry(new CachedSchemaRegistryClient(config.url(), config.cacheCapacity(), props), config.url(),
        credentials(props));
  }

  /** The client's properties with Baton's HTTP timeouts where the user set none (the client's own are 60 s each). */
  private static Map<String, String> withTimeouts(Map<String, String> props) {
    Map<String, String> result = new java.util.TreeMap<>(props);
    result.putIfAbsent(RegistryConfig.HTTP_CONNECT_TIMEOUT_MS, String.valueOf(RegistryConfig.DEFAULT_CONNECT_TIMEOUT_MS));
    result.putIfAbsent(RegistryConfig.HTTP_READ_TIMEOUT_MS, String.valueOf(RegistryConfig.DEFAULT_READ_TIMEOUT_MS));
    return result;
  }

  /** What a refusal message says was sent: the basic-auth user, never the password. */
  private static String credentials(Map<String, String> props) {
    String userInfo = props.get(RegistryConfig.BASIC_AUTH_USER_INFO);
    if (userInfo != null) {
      return "user '" + userInfo.split(":", 2)[0] + "'";
    }
    String source = props.get(RegistryConfig.BASIC_AUTH_SOURCE);
    return source != null ? "credentials from " + source : "no credentials";
  }

  /** Forgets the in-memory registry {@code scope} (see {@link RegistryConfig#inMemory}). */
  public static void dropInMemory(String scope) {
    MockSchemaRegistry.dropScope(scope);
  }

  /** Registers {@code schema} under {@code subject} (or finds it already there) and returns its id. */
  public int register(String subject, Schema schema) {
    requireSubject(subject);
    Objects.requireNonNull(schema, "schema must not be null");
    return call("register schema " + schema.getFullName() + " under subject '" + subject + "'",
        () -> client.register(subject, shaded(schema)));
  }

  /** The id of {@code schema} as already registered under {@code subject}; throws {@link SchemaNotFoundException}. */
  public int idOf(String subject, Schema schema) {
    requireSubject(subject);
    Objects.requireNonNull(schema, "schema must not be null");
    return call("look up schema " + schema.getFullName() + " in subject '" + subject + "'",
        () -> client.getId(subject, shaded(schema)));
  }

  /** The Avro schema with registry id {@code id}; throws {@link SchemaNotFoundException} for an unknown id. */
  public Schema schemaById(int id) {
    ParsedSchema parsed = parsedById(id);
    if (!AVRO.equals(parsed.schemaType())) {
      throw new RegistryException("schema id " + id + " at " + url + " is a " + parsed.schemaType() + " schema, not Avro",
          200, 0, null);
    }
    return unshaded(parsed.canonicalString());
  }

  /** The raw answer for an id, type included (the wire decoder tells non-Avro ids apart). */
  public ParsedSchema parsedById(int id) {
    return call("fetch schema id " + id, () -> client.getSchemaById(id));
  }

  /** The latest version registered under {@code subject}, or empty when the subject does not exist. */
  public Optional<RegisteredSchema> latest(String subject) {
    requireSubject(subject);
    try {
      SchemaMetadata m = call("fetch the latest version of subject '" + subject + "'", () -> client.getLatestSchemaMetadata(subject));
      return Optional.of(RegisteredSchema.of(subject, m.getId(), m.getVersion(), unshaded(m.getSchema())));
    } catch (SchemaNotFoundException e) {
      return Optional.empty();
    }
  }

  /** Every version of {@code subject}, oldest first (empty when the subject does not exist). */
  public List<RegisteredSchema> versions(String subject) {
    requireSubject(subject);
    List<Integer> numbers;
    try {
      numbers = call("list versions of subject '" + subject + "'", () -> client.getAllVersions(subject));
    } catch (SchemaNotFoundException e) {
      return List.of();
    }
    List<RegisteredSchema> result = new ArrayList<>();
    for (int version : numbers) {
      SchemaMetadata m = call("fetch version " + version + " of subject '" + subject + "'",
          () -> client.getSchemaMetadata(subject, version));
      result.add(RegisteredSchema.of(subject, m.getId(), m.getVersion(), unshaded(m.getSchema())));
    }
    return result;
  }

  /** All subjects in the registry. */
  public Collection<String> subjects() {
    return call("list subjects", client::getAllSubjects);
  }

  /** The registry-wide default compatibility level. */
  public CompatibilityLevel globalCompatibility() {
    return CompatibilityLevel.parse(call("read the global compatibility level", () -> client.getCompatibility("")));
  }

  /**
   * The level configured on {@code subject} itself, or empty when it has none (Confluent).
   * Apicurio answers with the global level for subjects without their own.
   */
  public Optional<CompatibilityLevel> subjectCompatibility(String subject) {
    requireSubject(subject);
    try {
      return Optional.of(CompatibilityLevel.parse(
          call("read the compatibility level of subject '" + subject + "'", () -> client.getCompatibility(subject))));
    } catch (SchemaNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * The level {@code subject} is held to: its own, else the global one. Apicurio answers NONE for a
   * subject without a rule of its own while enforcing the global level, so NONE defers to the global level.
   */
  public CompatibilityLevel compatibility(String subject) {
    return subjectCompatibility(subject).filter(level -> level != CompatibilityLevel.NONE)
        .orElseGet(this::globalCompatibility);
  }

  /** Sets the level of {@code subject}. */
  public void setCompatibility(String subject, CompatibilityLevel level) {
    requireSubject(subject);
    Objects.requireNonNull(level, "level must not be null");
    call("set the compatibility level of subject '" + subject + "' to " + level,
        () -> client.updateCompatibility(subject, level.name()));
  }

  /** Sets the registry-wide default level (Apicurio starts with NONE, Confluent with BACKWARD). */
  public void setGlobalCompatibility(CompatibilityLevel level) {
    Objects.requireNonNull(level, "level must not be null");
    call("set the global compatibility level to " + level, () -> client.updateCompatibility("", level.name()));
  }

  /**
   * Would the registry accept {@code schema} as the next version of {@code subject}? A subject with no
   * versions accepts anything. When the registry refuses without saying why, the reasons are worked out
   * locally from the subject's versions and level.
   */
  public RegistryVerdict testCompatibility(String subject, Schema schema) {
    requireSubject(subject);
    Objects.requireNonNull(schema, "schema must not be null");
    CompatibilityLevel level = compatibility(subject);
    List<String> messages;
    try {
      messages = call("test schema " + schema.getFullName() + " against subject '" + subject + "'",
          () -> client.testCompatibilityVerbose(subject, shaded(schema)));
    } catch (SchemaNotFoundException e) {
      return RegistryVerdict.of(subject, level, true, List.of());
    }
    if (messages.isEmpty()) {
      boolean ok = call("test schema " + schema.getFullName() + " against subject '" + subject + "'",
          () -> client.testCompatibility(subject, shaded(schema)));
      if (ok) {
        return RegistryVerdict.of(subject, level, true, List.of());
      }
      List<Schema> earlier = versions(subject).stream().map(RegisteredSchema::schema).toList();
      messages = CompatibilityChecker.checkEvolution(level, schema, earlier).problems().stream()
          .map(CompatibilityProblem::toString).toList();
      if (messages.isEmpty()) {
        messages = List.of("the registry refused the schema under " + level + " without giving a reason");
      }
    }
    return RegistryVerdict.of(subject, level, false, messages);
  }

  /** The registry's base URL. */
  public String url() {
    return url;
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      // closing only releases client resources; nothing to recover
    }
  }

  @Override
  public String toString() {
    return "SchemaRegistry[" + url + "]";
  }

  private interface RegistryCall<T> {
    T call() throws IOException, RestClientException;
  }

  private <T> T call(String what, RegistryCall<T> request) {
    try {
      return request.call();
    } catch (IOException e) {
      throw new RegistryUnavailableException("cannot " + what + ": registry at " + url + " unreachable: " + e, 0, e);
    } catch (RestClientException e) {
      throw translate(what, e);
    } catch (RuntimeException e) {
      throw e instanceof RegistryException ? e
          : new RegistryException("cannot " + what + " at " + url + ": " + e, 0, 0, e);
    }
  }

  private RegistryException translate(String what, RestClientException e) {
    int status = e.getStatus();
    String message = "cannot " + what + " at " + url + ": " + e.getMessage() + " (HTTP " + status + ")";
    if (status == 404 && isRegistryNotFound(e.getErrorCode())) {
      return new SchemaNotFoundException(message, e.getErrorCode(), e);
    }
    if (status == 409) {
      return new IncompatibleSchemaException(message, e.getErrorCode(), e);
    }
    if (status == 401 || status == 403) {
      return RegistryAuthException.refused(url, status, e.getErrorCode(), credentials, what, e);
    }
    if (status >= 500 || status == 408 || status == 429) {
      return new RegistryUnavailableException(message, status, e);
    }
    return new RegistryException(message, status, e.getErrorCode(), e);
  }

  /**
   * True for the registry's own "not found" answers (40401 subject, 40402 version, 40403 schema, 404xx): a 404
   * without them (a proxy's or a wrong path's page) says nothing about the schema, so it is not a {@link SchemaNotFoundException}.
   */
  private static boolean isRegistryNotFound(int errorCode) {
    return errorCode == 404 || (errorCode >= 40400 && errorCode <= 40499);
  }

  private static AvroSchema shaded(Schema schema) {
    return new AvroSchema(schema.toString());
  }

  private static Schema unshaded(String json) {
    return new Schema.Parser().parse(json);
  }

  private static void requireSubject(String subject) {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("subject must not be blank, got '" + subject + "'");
    }
  }
}
