package io.baton.connectors;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which client settings hold secrets (Kafka's SASL JAAS config and passwords, the registry's basic-auth user info,
 * tokens, private keys) and how to show them: masked, unless the value only refers to where the secret lives.
 *
 * <pre>{@code
 * SecretKeys.isSecret("sasl.jaas.config");                          // true
 * SecretKeys.shown("ssl.truststore.password", "${env:TS_PASSWORD}"); // ${env:TS_PASSWORD}
 * SecretKeys.shown("ssl.truststore.password", "changeit");           // ****
 * }</pre>
 */
public final class SecretKeys {
  /** What a masked value shows. */
  public static final String MASK = "****";

  /** Settings that name where or how, never what: {@code basic.auth.credentials.source}, {@code ...token.endpoint.url}. */
  private static final Pattern NOT_SECRET = Pattern.compile("\\.(url|source|location|type|class|algorithm|ms)$");
  private static final Pattern ONLY_REFERENCES = Pattern.compile("(\\s*\\$\\{(env|file):[^}]+}\\s*)+");

  private SecretKeys() {}

  /** True for a setting whose value is (or embeds) a secret. */
  public static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    if (NOT_SECRET.matcher(k).find()) {
      return false;
    }
    return k.contains("password") || k.contains("secret") || k.contains("token") || k.contains("user.info")
        || k.contains("jaas") || k.contains("credential") || k.endsWith(".key") || k.contains("private");
  }

  /** The value as it may be printed: a secret's is masked unless it is nothing but references. */
  public static String shown(String key, String value) {
    if (!isSecret(key) || ONLY_REFERENCES.matcher(value).matches()) {
      return value;
    }
    return MASK;
  }

  /** True when {@code value} holds at least one {@code ${env:NAME}} or {@code ${file:PATH}} reference. */
  public static boolean hasReference(String value) {
    return SecretReferences.PATTERN.matcher(value).find();
  }
}
