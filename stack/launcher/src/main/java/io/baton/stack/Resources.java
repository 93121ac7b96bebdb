package io.baton.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Text files bundled with the launcher (logging configurations for the servers) and the server versions the
 * build wrote into {@code versions.properties}.
 *
 * <pre>{@code
 * String log4j = Resources.text("kafka-log4j2.properties");
 * String apicurio = Resources.version("apicurio.version");   // 2.6.13.Final
 * }</pre>
 */
final class Resources {
  private Resources() {}

  static String text(String name) {
    try (InputStream in = Resources.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource io/baton/stack/" + name + " is missing from the launcher jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A version from the pom, as the build filtered it into {@code versions.properties}. */
  static String version(String key) {
    Properties versions = new Properties();
    try {
      versions.load(new StringReader(text("versions.properties")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String value = versions.getProperty(key);
    if (value == null || value.isBlank() || value.contains("${")) {
      throw new IllegalStateException("io/baton/stack/versions.properties has no " + key + " (got " + value
          + "); build the launcher with Maven so resource filtering fills it in from the pom");
    }
    return value;
  }
}
