package io.baton.schemas;

import io.baton.schemas.registry.RegistryConfig;
import io.baton.stack.ThrowawayRegistry;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real Apicurio Registry per test JVM (the launcher's {@link ThrowawayRegistry}: its own process on 127.0.0.1
 * and a free port), injected as a {@link Registry} parameter and stopped when the JVM's tests finish.
 *
 * <pre>{@code
 * @ExtendWith(ApicurioRegistryExtension.class)
 * class MyIT { @Test void works(ApicurioRegistryExtension.Registry registry) { ... registry.config() ... } }
 * }</pre>
 */
public final class ApicurioRegistryExtension implements BeforeAllCallback, ParameterResolver {

  /** A running registry; closed with the root extension context, at the end of the test JVM's tests. */
  public static final class Registry implements ExtensionContext.Store.CloseableResource {
    private final ThrowawayRegistry registry;

    private Registry(ThrowawayRegistry registry) {
      this.registry = registry;
    }

    /** The Confluent-compatible base URL. */
    public String ccompatUrl() {
      return registry.url();
    }

    /** A client config for this registry. */
    public RegistryConfig config() {
      return RegistryConfig.of(registry.url());
    }

    @Override
    public void close() throws InterruptedException {
      registry.close();
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
      return new Registry(ThrowawayRegistry.start("baton-schemas-it-"));
    } catch (Exception e) {
      throw new IllegalStateException("cannot start Apicurio for the schema tests: " + e.getMessage()
          + "; build stack/registry-runtime first (mvn -o -pl schemas -am verify)", e);
    }
  }
}
