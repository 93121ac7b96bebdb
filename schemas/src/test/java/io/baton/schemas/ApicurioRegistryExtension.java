package io.baton.schemas;

import io.baton.schemas.registry.RegistryConfig;

import io.baton.stack.ManagedProcess;
import io.baton.stack.Ports;
import io.baton.stack.RegistryServer;
import io.baton.stack.RepoRoot;
import io.baton.stack.StackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;



/**
 * Starts one real Apicurio Registry process per test JVM (on 127.0.0.1 and a free port) with the
 * launcher {@code baton up} uses, and injects it as a {@link Registry} parameter.
 * Stopped when the JVM's tests finish.
 *
 * <pre>{@code
 * @ExtendWith(ApicurioRegistryExtension.class)
 * class MyIT { @Test void works(ApicurioRegistryExtension.Registry registry) { ... registry.config() ... } }
 * }</pre>
 */
public final class ApicurioRegistryExtension implements BeforeAllCallback, ParameterResolver {

  /** A running registry; closed with the root extension context, at the end of the test JVM's tests. */
  public static final class Registry implements ExtensionContext.Store.CloseableResource {
    private final ManagedProcess process;
    private final String url;

    private Registry(ManagedProcess process, String url) {
      this.process = process;
      this.url = url;
    }

    /** The Confluent-compatible base URL. */
    public String ccompatUrl() {
      return url;
    }

    /** A client config for this registry. */
    public RegistryConfig config() {
      return RegistryConfig.of(url);
    }

    @Override
    public void close() throws InterruptedException {
      process.stop(Duration.ofSeconds(20));
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
    try {
      Path home = Files.createTempDirectory("baton-schemas-it-");
      StackConfig config = StackConfig.builder().repo(RepoRoot.locate()).home(home).ports(Ports.freeEphemeral()).build();
      Files.createDirectories(config.layout().logsDir());
      RegistryServer server = new RegistryServer(config);
      ManagedProcess process = server.start();
      server.awaitReady(process, Instant.now().plus(Duration.ofSeconds(90)));
      return new Registry(process, server.endpoint());
    } catch (Exception e) {
      throw new IllegalStateException("cannot start Apicurio for the schema tests: " + e.getMessage(), e);
    }
  }
}
