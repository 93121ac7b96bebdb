package io.baton.stack;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Apicurio Registry 2.6 with its Confluent-compatible API, on 127.0.0.1, keeping schemas in an H2 file under the
 * state folder so they survive {@code down}/{@code up}. Once it answers, its default compatibility is set to
 * BACKWARD (Confluent's default; Apicurio's own is NONE).
 *
 * <pre>{@code
 * RegistryServer registry = new RegistryServer(config);
 * registry.awaitReady(registry.start(), deadline);
 * registry.endpoint();   // http://127.0.0.1:8085/apis/ccompat/v7
 * }</pre>
 */
public final class RegistryServer implements LocalServer {
  /** The Apicurio version of the parent pom ({@code apicurio.version}), which registry-runtime unpacks. */
  static final String VERSION = Resources.version("apicurio.version");
  static final String RUNNER_JAR = "apicurio-registry-app-" + VERSION + "-runner.jar";
  static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-Djava.awt.headless=true");
  static final String COMPATIBILITY = "BACKWARD";
  private static final String CONFLUENT_JSON = "application/vnd.schemaregistry.v1+json";

  private final StackConfig config;

  /** The Apicurio Registry version this launcher runs ({@code io.apicurio:apicurio-registry-app:<version>:zip:all}). */
  public static String version() {
    return VERSION;
  }

  public RegistryServer(StackConfig config) {
    this.config = config;
  }

  @Override
  public Component component() {
    return Component.REGISTRY;
  }

  @Override
  public String endpoint() {
    return url(config.ports());
  }

  /** The Confluent-compatible API root, e.g. {@code http://127.0.0.1:8085/apis/ccompat/v7}. */
  public static String url(Ports ports) {
    return "http://127.0.0.1:" + ports.registry() + "/apis/ccompat/v7";
  }

  Path runnerJar() {
    return config.registryDist().resolve(RUNNER_JAR);
  }

  /** H2 in file mode: Apicurio's "in-memory" SQL storage, made durable. */
  String jdbcUrl() {
    return "jdbc:h2:file:" + config.layout().registryDir().resolve("db");
  }

  JavaCommand command() {
    JavaCommand.Builder b = JavaCommand.jar(runnerJar()).java(config.java()).jvmOptions(JVM_OPTIONS);
    ProcessMarker.of(Component.REGISTRY, config.home()).applyTo(b);
    return b.systemProperty("quarkus.http.host", "127.0.0.1")
        .systemProperty("quarkus.http.port", Integer.toString(config.ports().registry()))
        .systemProperty("quarkus.datasource.jdbc.url", jdbcUrl())
        .systemProperty("quarkus.log.console.color", "false")
        .build();
  }

  @Override
  public ManagedProcess start() throws IOException {
    Path dir = config.layout().registryDir();
    Files.createDirectories(dir);
    return ManagedProcess.start(Component.REGISTRY, command(), dir, config.layout().logFile(Component.REGISTRY));
  }

  @Override
  public void awaitReady(ManagedProcess process, Instant deadline) throws StackException, InterruptedException {
    String subjects = endpoint() + "/subjects";
    Await.ready(process, deadline, "answers GET " + subjects, () -> Http.get(subjects).statusCode() == 200);
    String body = "{\"compatibility\":\"" + COMPATIBILITY + "\"}";
    try {
      HttpResponse<String> r = Http.put(endpoint() + "/config", CONFLUENT_JSON, body);
      if (r.statusCode() != 200) {
        throw new StackException("registry refused compatibility " + COMPATIBILITY + ": HTTP " + r.statusCode() + " " + r.body());
      }
    } catch (IOException e) {
      throw new StackException("registry did not accept compatibility " + COMPATIBILITY + ": " + e.getMessage(), e);
    }
  }
}
