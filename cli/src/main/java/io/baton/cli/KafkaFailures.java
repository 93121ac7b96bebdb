package io.baton.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * Turns Kafka refusing a client (wrong credentials, failed TLS handshake, missing ACLs) into one line that names the
 * context and the setting to check, e.g. {@code context 'shared': Kafka at broker:9093 refused the credentials
 * (SASL/SCRAM-SHA-512 authentication failed); check kafka.propertiesFile /etc/baton/kafka/client.properties}.
 *
 * <pre>{@code
 * KafkaFailures.describe(exception, context).ifPresent(err::println);
 * }</pre>
 */
final class KafkaFailures {
  private KafkaFailures() {}

  /** The line for {@code failure} if Kafka refused a client somewhere in its causes. */
  static Optional<String> describe(Throwable failure, Context context) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SslAuthenticationException) {
        return Optional.of(prefix(context) + " failed the TLS handshake (" + firstLine(t) + "); check the ssl.* settings in "
            + where(context, "ssl.truststore.location"));
      }
      if (t instanceof SaslAuthenticationException) {
        return Optional.of(prefix(context) + " refused the credentials (SASL/" + mechanism(context)
            + " authentication failed); check " + where(context, "sasl.jaas.config"));
      }
      if (t instanceof AuthenticationException) {
        return Optional.of(prefix(context) + " refused the login (SASL/" + mechanism(context) + ": " + firstLine(t)
            + "); check " + where(context, "sasl.jaas.config"));
      }
      if (t instanceof AuthorizationException) {
        return Optional.of(prefix(context) + " denied an operation (" + t.getClass().getSimpleName() + ": " + firstLine(t)
            + "); the user in " + where(context, "sasl.jaas.config") + " needs ACLs for it");
      }
    }
    return Optional.empty();
  }

  private static String prefix(Context context) {
    return "context '" + context.name() + "': Kafka" + (context.isLocal() ? " of the local stack"
        : " at " + context.kafka().bootstrapServers());
  }

  /** The setting {@code key} comes from: the inline property, else the properties file. */
  private static String where(Context context, String key) {
    if (context.isLocal()) {
      return "the local stack's client properties (./baton status)";
    }
    String file = context.origin().map(Path::toString).orElse("the contexts file");
    if (context.kafka().properties().containsKey(key)) {
      return "contexts." + context.name() + ".kafka.properties." + key + " in " + file;
    }
    return context.kafka().propertiesFile().map(p -> "kafka.propertiesFile " + p)
        .orElse("contexts." + context.name() + ".kafka.properties in " + file + " (no " + key + " is set)");
  }

  private static String mechanism(Context context) {
    if (context.isLocal()) {
      return "SCRAM";
    }
    try {
      Map<String, String> settings = context.kafka().clientProperties();
      return settings.getOrDefault("sasl.mechanism", "GSSAPI");
    } catch (RuntimeException e) {
      return context.kafka().properties().getOrDefault("sasl.mechanism", "GSSAPI");
    }
  }

  private static String firstLine(Throwable t) {
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
