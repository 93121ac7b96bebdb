package io.baton.schemas;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one real Apicurio Registry process per test JVM (on 127.0.0.1 and a free port) from the
 * distribution stack/registry-runtime unpacks, and injects it as a {@link Registry} parameter.
 * Stopped when the JVM's tests finish.
 *
 * <pre>{@code
 * @ExtendWith(ApicurioRegistryExtension.class)
 * class MyIT { @Test void works(ApicurioRegistryExtension.Registry registry) { ... registry.config() ... } }
 * }</pre>
 */
public final class ApicurioRegistryExtension implements BeforeAllCallback, ParameterResolver {
  private static final String JAR = "apicurio-registry-app-2.6.13.Final-runner.jar";

  /** A running registry. */
  public static final class Registry implements AutoCloseable {
    private final Process process;
    private final int port;

    private Registry(Process process, int port) {
      this.process = process;
      this.port = port;
    }

    /** The Confluent-compatible base URL. */
    public String ccompatUrl() {
      return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
    }

    /** A client config for this registry. */
    public RegistryConfig config() {
      return RegistryConfig.of(ccompatUrl());
    }

    @Override
    public void close() throws InterruptedException {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    registry(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Registry.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return registry(context);
  }

  private static Registry registry(ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Registry.class, key -> start(), Registry.class);
  }

  private static Registry start() {
    Path dir = Path.of(System.getProperty("baton.registry.dir", "../stack/registry-runtime/target/registry"));
    Path jar = dir.resolve(JAR);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("Apicurio is not unpacked at " + jar.toAbsolutePath()
          + "; build it with: mvn -pl stack/registry-runtime install");
    }
    int port = FreePort.next();
    Path log = Path.of("target", "apicurio-" + port + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = List.of(java, "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
        "-jar", jar.toAbsolutePath().toString());
    try {
      Files.createDirectories(log.getParent());
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      Registry registry = new Registry(process, port);
      awaitReady(registry, process, log);
      return registry;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Apicurio: " + command, e);
    }
  }

  private static void awaitReady(Registry registry, Process process, Path log) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest subjects = HttpRequest.newBuilder(URI.create(registry.ccompatUrl() + "/subjects"))
        .timeout(Duration.ofSeconds(2)).build();
    await("Apicurio answering on " + registry.ccompatUrl() + " (log: " + log.toAbsolutePath() + ")")
        .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
        .until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException("Apicurio exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
          }
          try {
            return http.send(subjects, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
          } catch (IOException e) {
            return false;
          }
        });
  }
}
