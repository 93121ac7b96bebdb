package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.schemas.registry.RegistryConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The registry options of run, demo and dead-letters: parsing, precedence, and usage errors that keep secrets out. */
class RegistryOptionsTest {
  private static final String STACK_URL = "http://127.0.0.1:8085/apis/ccompat/v7";

  @TempDir
  Path home;

  @Command(name = "holder")
  static final class Holder {
    @Mixin
    RegistryOptions registry;
  }

  private static RegistryOptions parse(String... args) {
    Holder holder = new Holder();
    new CommandLine(holder).parseArgs(args);
    return holder.registry;
  }

  @Test
  void aBasicAuthValueWithoutAColonIsAUsageErrorThatDoesNotRepeatTheValue() {
    CliRun run = CliRun.of("run", "sensor-story", "--home", home.toString(), "--registry-basic-auth", "batonsecret");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("invalid registry settings: --registry-basic-auth must be <user>:<password>, got a value without ':'")
        .contains("Usage: baton run").doesNotContain("batonsecret");
  }

  @Test
  void everyRegistryProblemIsReportedAtOnceBeforeTheStackIsNeeded() {
    CliRun run = CliRun.of("dead-letters", "sensor-story", "--home", home.toString(), "--registry-url", "ftp://r",
        "--registry-basic-auth", ":pw", "--registry-property", "a=1", "--registry-property", "ssl.key.password",
        "--registry-properties", home.resolve("missing.properties").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("invalid registry settings: --registry-url must start with http:// or https://, got 'ftp://r'; "
        + "--registry-basic-auth must be <user>:<password>, got a value with an empty user; "
        + "--registry-property must be <key>=<value>; value 2 of 2 has no '='; "
        + "--registry-properties file " + home.resolve("missing.properties") + " does not exist or is not readable")
        .contains("Usage: baton dead-letters");
  }

  @Test
  void theFileComesFirstThenPropertiesThenBasicAuth() throws Exception {
    Path file = Files.writeString(home.resolve("registry.properties"),
        "basic.auth.user.info=old:pw\nschema.registry.ssl.truststore.location=/old.jks\nhttp.connect.timeout.ms=900\n");
    RegistryOptions options = parse("--registry-url", "https://r:8081", "--registry-properties", file.toString(),
        "--registry-property", "schema.registry.ssl.truststore.location=/etc/ts.jks", "--registry-property", "a=b=c",
        "--registry-basic-auth", "baton:pa:ss");

    RegistryConfig config = options.config(() -> STACK_URL, Map.of());

    assertThat(config.url()).isEqualTo("https://r:8081");
    assertThat(config.clientProperties()).isEqualTo(Map.of("basic.auth.credentials.source", "USER_INFO",
        "basic.auth.user.info", "baton:pa:ss", "schema.registry.ssl.truststore.location", "/etc/ts.jks",
        "http.connect.timeout.ms", "900", "a", "b=c"));
  }

  @Test
  void withoutOptionsTheStacksRegistryIsUsedWithoutCredentials() {
    RegistryConfig config = parse().config(() -> STACK_URL, Map.of());

    assertThat(config).isEqualTo(RegistryConfig.of(STACK_URL));
  }

  @Test
  void theEnvironmentVariableGivesCredentialsUnlessTheOptionDoes() {
    Map<String, String> env = Map.of(RegistryOptions.BASIC_AUTH_ENV, "env-user:env-pw");

    assertThat(parse().config(() -> STACK_URL, env).clientProperties()).containsEntry("basic.auth.user.info", "env-user:env-pw");
    assertThat(parse("--registry-basic-auth", "cli:pw").config(() -> STACK_URL, env).clientProperties())
        .containsEntry("basic.auth.user.info", "cli:pw");
  }

  @Test
  void aBadEnvironmentValueIsNamedByTheVariable() {
    Map<String, String> env = Map.of(RegistryOptions.BASIC_AUTH_ENV, "baton:");

    assertThatThrownBy(() -> parse().config(() -> STACK_URL, env))
        .hasMessage("invalid registry settings: BATON_REGISTRY_BASIC_AUTH must be <user>:<password>, got a value with an empty password");
  }
}
