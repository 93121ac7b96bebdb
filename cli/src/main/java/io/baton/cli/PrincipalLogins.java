package io.baton.cli;

import io.baton.api.internal.ResourceNames;
import io.baton.connectors.KafkaClientConfig;
import io.baton.flink.access.AccessModel;
import io.baton.flink.access.AclDiff;
import io.baton.flink.access.Access;
import io.baton.schemas.registry.ClientPropertiesFile;
import io.baton.stack.ScramClient;
import io.baton.stack.StackSecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.admin.UserScramCredentialsDescription;

/**
 * The SCRAM logins of a pipeline's principals, made by {@code baton acl --apply} when the context's Kafka uses
 * SCRAM: each principal gets a Kafka user with a generated password (never printed), and its client settings, the
 * context's with that login, go to the owner-only {@code <jobFiles>/<user>.kafka.properties} where its stage job reads
 * them. The password is kept across applies (read back from that file); a principal no longer in the model loses its
 * user and its file.
 *
 * <pre>{@code
 * PrincipalLogins logins = PrincipalLogins.of(admin, contextKafka, jobFiles).orElseThrow();  // empty: not SCRAM
 * PrincipalLogins.Outcome outcome = logins.apply(AccessModel.of(plan));
 * }</pre>
 */
final class PrincipalLogins {
  private static final Pattern PASSWORD = Pattern.compile("password=\"([^\"]*)\"");
  private static final int ITERATIONS = 8192;

  private final Admin admin;
  private final Map<String, String> contextSettings;
  private final ScramMechanism mechanism;
  private final Path jobFiles;

  /** What an apply did: users created (or whose credential was restored), in place, removed. */
  record Outcome(List<String> created, List<String> inPlace, List<String> removed, ScramMechanism mechanism) {
    boolean changed() {
      return !created.isEmpty() || !removed.isEmpty();
    }
  }

  private PrincipalLogins(Admin admin, Map<String, String> contextSettings, ScramMechanism mechanism, Path jobFiles) {
    this.admin = admin;
    this.contextSettings = contextSettings;
    this.mechanism = mechanism;
    this.jobFiles = jobFiles;
  }

  /** Logins like the context's own, if it logs in with SCRAM ({@code sasl.mechanism} SCRAM-SHA-256 or -512). */
  static Optional<PrincipalLogins> of(Admin admin, KafkaClientConfig context, Path jobFiles) {
    Map<String, String> settings = context.clientProperties();
    return scram(settings.get("sasl.mechanism")).map(m -> new PrincipalLogins(admin, settings, m, jobFiles));
  }

  static Optional<ScramMechanism> scram(String saslMechanism) {
    ScramMechanism m = saslMechanism == null ? ScramMechanism.UNKNOWN : ScramMechanism.fromMechanismName(saslMechanism);
    return m == ScramMechanism.UNKNOWN ? Optional.empty() : Optional.of(m);
  }

  /** Where {@code user}'s client settings are. */
  Path file(String user) {
    return jobFiles.resolve(ResourceNames.principalPropertiesFile(user)).toAbsolutePath();
  }

  /** Makes every principal's login that is missing, rewrites its file if the context changed, removes stale ones. */
  Outcome apply(AccessModel model) throws ExecutionException, InterruptedException, TimeoutException, IOException {
    Map<String, UserScramCredentialsDescription> existing =
        admin.describeUserScramCredentials().all().get(60, TimeUnit.SECONDS);
    List<UserScramCredentialAlteration> alterations = new ArrayList<>();
    Map<Path, Map<String, String>> files = new TreeMap<>();
    List<String> created = new ArrayList<>();
    List<String> inPlace = new ArrayList<>();
    for (Access a : model.principals()) {
      Optional<String> kept = password(file(a.user()));
      boolean has = existing.containsKey(a.user())
          && existing.get(a.user()).credentialInfos().stream().anyMatch(c -> c.mechanism() == mechanism);
      String password = kept.orElseGet(StackSecrets::newPassword);
      if (has && kept.isPresent()) {
        inPlace.add(a.user());
      } else {
        alterations.add(new UserScramCredentialUpsertion(a.user(), new ScramCredentialInfo(mechanism, ITERATIONS), password));
        created.add(a.user());
      }
      files.put(file(a.user()), settings(a.user(), password));
    }
    List<String> removed = new ArrayList<>();
    for (Map.Entry<String, UserScramCredentialsDescription> e : new TreeMap<>(existing).entrySet()) {
      String user = e.getKey();
      if (AclDiff.owns(model.pipeline(), "User:" + user) && model.principals().stream().noneMatch(a -> a.user().equals(user))) {
        e.getValue().credentialInfos().forEach(c -> alterations.add(new UserScramCredentialDeletion(user, c.mechanism())));
        removed.add(user);
      }
    }
    if (!alterations.isEmpty()) {
      admin.alterUserScramCredentials(alterations).all().get(60, TimeUnit.SECONDS);
    }
    for (Map.Entry<Path, Map<String, String>> f : files.entrySet()) {
      if (!Files.isRegularFile(f.getKey()) || !ClientPropertiesFile.KAFKA.read(f.getKey()).equals(f.getValue())) {
        ClientPropertiesFile.KAFKA.write(f.getKey(), f.getValue());
      }
    }
    for (String user : removed) {
      Files.deleteIfExists(file(user));
    }
    return new Outcome(List.copyOf(created), List.copyOf(inPlace), List.copyOf(removed), mechanism);
  }

  /** The context's client settings with {@code user}'s SCRAM login in place of the context's own. */
  private Map<String, String> settings(String user, String password) {
    Map<String, String> s = new TreeMap<>(contextSettings);
    s.put("sasl.mechanism", mechanism.mechanismName());
    s.put("sasl.jaas.config", ScramClient.of(user, password).properties().get("sasl.jaas.config"));
    return s;
  }

  /** The password an earlier apply wrote to {@code file}, if there is one. */
  private static Optional<String> password(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Matcher m = PASSWORD.matcher(ClientPropertiesFile.KAFKA.read(file).getOrDefault("sasl.jaas.config", ""));
    return m.find() && !m.group(1).isEmpty() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
