package io.baton.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The secure stack's secrets under {@code <home>/secure/} (owner-only folder and files): the Kafka admin's password,
 * generated once, and the admin's client properties file that commands, jobs and contexts point at. The password is
 * never printed; only these files hold it (and Kafka's own server.properties, also owner-only).
 *
 * <pre>{@code
 * StackSecrets secrets = new StackSecrets(layout);
 * ScramClient admin = secrets.adminOrCreate();       // reads kafka-admin.password, or generates it
 * secrets.writeAdminClientProperties(admin);         // kafka-admin-client.properties
 * }</pre>
 */
public final class StackSecrets {
  /** The super-user of the secure stack. */
  public static final String ADMIN = "admin";
  static final int PASSWORD_LENGTH = 32;
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final StackLayout layout;

  public StackSecrets(StackLayout layout) {
    this.layout = layout;
  }

  /** The admin's client settings, if its password was generated. */
  public Optional<ScramClient> admin() throws IOException {
    Path f = layout.adminPassword();
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    String password = Files.readString(f).strip();
    if (password.isEmpty()) {
      throw new IOException(f + " is empty; delete it and the stack's Kafka data, or the whole state folder " + layout.home());
    }
    return Optional.of(ScramClient.of(ADMIN, password));
  }

  /** The admin, with a new random password written owner-only if there was none. */
  ScramClient adminOrCreate() throws IOException {
    Optional<ScramClient> existing = admin();
    if (existing.isPresent()) {
      return existing.get();
    }
    String password = newPassword();
    OwnerOnlyFile.folder(layout.secureDir());
    OwnerOnlyFile.write(layout.adminPassword(), password + "\n");
    return ScramClient.of(ADMIN, password);
  }

  /** The admin (created once) with its client properties file written afresh, as every secure start needs them. */
  ScramClient prepareAdmin() throws IOException {
    ScramClient admin = adminOrCreate();
    writeAdminClientProperties(admin);
    return admin;
  }

  /** Writes {@code admin}'s client properties file (security.protocol, sasl.mechanism, sasl.jaas.config), owner-only. */
  void writeAdminClientProperties(ScramClient admin) throws IOException {
    StringBuilder sb = new StringBuilder()
        .append("# Kafka client settings of the secure local stack's super-user ").append(admin.user()).append('\n')
        .append("# (written by baton up --secure on every start; holds a secret, keep it private)\n");
    admin.properties().forEach((k, v) -> sb.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
    OwnerOnlyFile.folder(layout.secureDir());
    OwnerOnlyFile.write(layout.adminClientProperties(), sb.toString());
  }

  /** {@value #PASSWORD_LENGTH} letters and digits from a {@link SecureRandom}: about 190 bits (also for other users' SCRAM logins). */
  public static String newPassword() {
    StringBuilder sb = new StringBuilder(PASSWORD_LENGTH);
    for (int i = 0; i < PASSWORD_LENGTH; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "StackSecrets[" + layout.secureDir() + "]";
  }
}
