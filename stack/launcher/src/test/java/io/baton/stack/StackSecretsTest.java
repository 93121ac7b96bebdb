package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackSecretsTest {
  @TempDir
  Path home;

  private StackLayout layout() {
    return StackLayout.at(home);
  }

  private static String permissions(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void theFirstAdminGetsARandomPasswordKeptOwnerOnly() throws Exception {
    StackSecrets secrets = new StackSecrets(layout());
    assertThat(secrets.admin()).isEmpty();

    ScramClient admin = secrets.adminOrCreate();

    assertThat(admin.user()).isEqualTo("admin");
    assertThat(admin.password()).hasSize(32).matches("[A-Za-z0-9]+");
    assertThat(Files.readString(home.resolve("secure/kafka-admin.password"))).isEqualTo(admin.password() + "\n");
    assertThat(permissions(home.resolve("secure/kafka-admin.password"))).isEqualTo("rw-------");
    assertThat(permissions(home.resolve("secure"))).isEqualTo("rwx------");
  }

  @Test
  void laterCallsKeepThePassword() throws Exception {
    String first = new StackSecrets(layout()).adminOrCreate().password();
    assertThat(new StackSecrets(layout()).adminOrCreate().password()).isEqualTo(first);
    assertThat(new StackSecrets(layout()).admin()).get().extracting(ScramClient::password).isEqualTo(first);
  }

  @Test
  void passwordsDifferFromOneStackToTheNext() {
    assertThat(StackSecrets.newPassword()).isNotEqualTo(StackSecrets.newPassword());
  }

  @Test
  void theAdminClientFileLoadsBackAsTheAdminsPropertiesAndIsOwnerOnly() throws Exception {
    StackSecrets secrets = new StackSecrets(layout());
    ScramClient admin = secrets.adminOrCreate();

    secrets.writeAdminClientProperties(admin);

    Path file = home.resolve("secure/kafka-admin-client.properties");
    Properties loaded = new Properties();
    try (var in = Files.newBufferedReader(file)) {
      loaded.load(in);
    }
    assertThat(loaded).containsOnlyKeys("security.protocol", "sasl.mechanism", "sasl.jaas.config");
    admin.properties().forEach((k, v) -> assertThat(loaded.getProperty(k)).isEqualTo(v));
    assertThat(permissions(file)).isEqualTo("rw-------");
  }
}
