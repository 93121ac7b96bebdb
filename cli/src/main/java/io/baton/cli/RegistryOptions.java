package io.baton.cli;

import io.baton.schemas.registry.RegistryConfig;
import io.baton.stack.LocalStack;
import io.baton.stack.Ports;
import io.baton.stack.StackException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How commands that talk to the schema registry reach it: its URL (default: the local stack's) and
 * Confluent client settings, e.g. basic auth and TLS. The password never appears in messages; stage
 * jobs get these settings through an owner-only file under the stack's home, not their arguments.
 *
 * <pre>{@code
 * baton run sensor-story --registry-url https://registry:8081 --registry-basic-auth baton:s3cret \
 *     --registry-property schema.registry.ssl.truststore.location=/etc/baton/truststore.jks
 * BATON_REGISTRY_BASIC_AUTH=baton:s3cret baton dead-letters sensor-story --registry-properties registry.properties
 * }</pre>
 */
final class RegistryOptions {
  /** Basic-auth credentials when {@code --registry-basic-auth} is not given. */
  static final String BASIC_AUTH_ENV = "BATON_REGISTRY_BASIC_AUTH";

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--registry-url", paramLabel = "<url>",
      description = "Confluent-compatible schema registry (default: the local stack's).")
  String url;

  @Option(names = "--registry-basic-auth", paramLabel = "<user:password>",
      description = "Basic-auth credentials for the registry (default: $" + BASIC_AUTH_ENV + ").")
  String basicAuth;

  @Option(names = "--registry-property", paramLabel = "<key=value>",
      description = "A registry client property, e.g. schema.registry.ssl.truststore.location=/etc/ts.jks (repeatable).")
  List<String> properties = new ArrayList<>();

  @Option(names = "--registry-properties", paramLabel = "<file>",
      description = "A file of registry client properties; --registry-property and --registry-basic-auth win over it.")
  Path propertiesFile;

  /** True when any registry option was given (the environment's basic auth aside). */
  boolean given() {
    return url != null || basicAuth != null || !properties.isEmpty() || propertiesFile != null;
  }

  /** The registry these options name; a usage error (exit 2) lists every problem. */
  RegistryConfig config(StackOptions stack) {
    Supplier<String> stackUrl = () -> {
      try {
        return new LocalStack(stack.config(Ports.defaults())).endpoints().registryUrl();
      } catch (StackException e) {
        throw new CliException(e.getMessage(), e);
      }
    };
    try {
      return config(stackUrl, System.getenv());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(mixee.commandLine(), e.getMessage());
    }
  }

  /** The registry these options name, with {@code env} for the environment; throws listing every problem. */
  RegistryConfig config(Supplier<String> stackUrl, Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    String base = url != null ? url : stackUrl.get();
    String lower = base.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      problems.add("--registry-url must start with http:// or https://, got '" + base + "'");
    }
    String auth = basicAuth != null ? basicAuth : env.get(BASIC_AUTH_ENV);
    String authSource = basicAuth != null ? "--registry-basic-auth" : BASIC_AUTH_ENV;
    int colon = auth == null ? -1 : auth.indexOf(':');
    if (auth != null && (colon <= 0 || colon == auth.length() - 1)) {
      problems.add(authSource + " must be <user>:<password>, got a value " + (colon < 0 ? "without ':'"
          : colon == 0 ? "with an empty user" : "with an empty password"));
    }
    for (int i = 0; i < properties.size(); i++) {
      if (properties.get(i).indexOf('=') <= 0) {
        problems.add("--registry-property must be <key>=<value>; value " + (i + 1) + " of " + properties.size()
            + " has " + (properties.get(i).indexOf('=') < 0 ? "no '='" : "an empty key"));
      }
    }
    if (propertiesFile != null && !Files.isReadable(propertiesFile)) {
      problems.add("--registry-properties file " + propertiesFile.toAbsolutePath() + " does not exist or is not readable");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid registry settings: " + String.join("; ", problems));
    }
    RegistryConfig config = RegistryConfig.of(base);
    if (propertiesFile != null) {
      config = config.withPropertiesFile(propertiesFile);
    }
    for (String p : properties) {
      config = config.withProperty(p.substring(0, p.indexOf('=')).trim(), p.substring(p.indexOf('=') + 1));
    }
    return auth == null ? config : config.withBasicAuth(auth.substring(0, colon), auth.substring(colon + 1));
  }
}
