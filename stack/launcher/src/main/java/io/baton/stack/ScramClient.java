package io.baton.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Kafka client settings of one SASL/SCRAM-SHA-512 user over SASL_PLAINTEXT, as the secure local stack's
 * listener expects them. {@link #toString()} never shows the password.
 *
 * <pre>{@code
 * ScramClient alice = ScramClient.of("alice", password);
 * Map<String, String> props = alice.properties();   // security.protocol, sasl.mechanism, sasl.jaas.config
 * }</pre>
 */
public final class ScramClient {
  public static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";
  public static final String MECHANISM = "SCRAM-SHA-512";
  static final String LOGIN_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";

  private final String user;
  private final String password;

  private ScramClient(String user, String password) {
    this.user = user;
    this.password = password;
  }

  /** A user and its password; neither may be blank. */
  public static ScramClient of(String user, String password) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (user.isBlank()) {
      throw new IllegalArgumentException("user must not be blank");
    }
    if (password.isEmpty()) {
      throw new IllegalArgumentException("password of user " + user + " must not be empty");
    }
    return new ScramClient(user, password);
  }

  public String user() {
    return user;
  }

  /** The clear password: for the files and calls that need it, never for output. */
  public String password() {
    return password;
  }

  /** {@code security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config}, in that order. */
  public Map<String, String> properties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("security.protocol", SECURITY_PROTOCOL);
    p.put("sasl.mechanism", MECHANISM);
    p.put("sasl.jaas.config", jaasConfig(LOGIN_MODULE, "username", user, "password", password));
    return p;
  }

  /** A JAAS line {@code Module required k1="v1" k2="v2";} from key, value pairs, quotes and backslashes escaped. */
  static String jaasConfig(String loginModule, String... keysAndValues) {
    StringBuilder sb = new StringBuilder(loginModule).append(" required");
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      sb.append(' ').append(keysAndValues[i]).append("=\"").append(quoted(keysAndValues[i + 1])).append('"');
    }
    return sb.append(';').toString();
  }

  private static String quoted(String v) {
    return v.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  @Override
  public String toString() {
    return "ScramClient.of(" + user + ", ***)";
  }
}
