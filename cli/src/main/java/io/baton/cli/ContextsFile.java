package io.baton.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The user's contexts file: {@code $BATON_CONFIG}, else {@code $XDG_CONFIG_HOME/baton/config.yaml}, else
 * {@code ~/.config/baton/config.yaml}. A missing file means only {@code local}. {@link #use} rewrites just the
 * {@code current-context} line, keeping the rest (and its comments) as written.
 *
 * <pre>{@code
 * ContextsFile file = ContextsFile.at(ContextsFile.location(System.getenv()));
 * Contexts contexts = file.load();
 * file.use("shared");
 * }</pre>
 */
final class ContextsFile {
  /** Environment variable naming the contexts file. */
  static final String CONFIG_ENV = "BATON_CONFIG";
  private static final Pattern CURRENT = Pattern.compile("^current-context\\s*:.*$");

  private final Path path;

  private ContextsFile(Path path) {
    this.path = path;
  }

  static ContextsFile at(Path path) {
    return new ContextsFile(path.toAbsolutePath().normalize());
  }

  /** System property that stands in for {@code $BATON_CONFIG} (tests, embedding), winning over it. */
  static final String CONFIG_PROPERTY = "baton.config";

  /** The process's environment, with {@value #CONFIG_PROPERTY} as {@code BATON_CONFIG} when set. */
  static Map<String, String> environment() {
    String property = System.getProperty(CONFIG_PROPERTY);
    if (property == null) {
      return System.getenv();
    }
    Map<String, String> env = new java.util.HashMap<>(System.getenv());
    env.put(CONFIG_ENV, property);
    return env;
  }

  /** Where the contexts file is, from {@code env} (and the user's home). */
  static Path location(Map<String, String> env) {
    String explicit = env.get(CONFIG_ENV);
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("baton").resolve("config.yaml");
  }

  Path path() {
    return path;
  }

  /** The contexts the file defines (only {@code local} if there is no file); a broken file lists its problems. */
  Contexts load() {
    if (!Files.exists(path)) {
      return Contexts.localOnly(path);
    }
    try {
      return new ContextParser(path).parse(new YAMLMapper().readTree(Files.readString(path, StandardCharsets.UTF_8)));
    } catch (JacksonException e) {
      throw new CliException("invalid contexts file " + path + ": not YAML (" + e.getOriginalMessage().lines().findFirst()
          .orElse("") + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()) + ")", e);
    } catch (IOException e) {
      throw new CliException("cannot read the contexts file " + path + ": " + e.getMessage(), e);
    }
  }

  /** Makes {@code name} the current context (it must exist), creating the file, owner-only, if there is none. */
  void use(String name) {
    Contexts contexts = load();
    contexts.select(java.util.Optional.of(name));
    List<String> lines = new ArrayList<>();
    try {
      if (Files.exists(path)) {
        lines.addAll(Files.readAllLines(path, StandardCharsets.UTF_8));
      }
      String line = "current-context: " + name;
      int at = -1;
      for (int i = 0; i < lines.size() && at < 0; i++) {
        at = CURRENT.matcher(lines.get(i)).matches() ? i : -1;
      }
      if (at >= 0) {
        lines.set(at, line);
      } else {
        lines.add(0, line);
      }
      write(String.join("\n", lines) + "\n");
    } catch (IOException e) {
      throw new CliException("cannot write the contexts file " + path + ": " + e.getMessage(), e);
    }
  }

  /** Replaces the file atomically; a new one is readable by its owner only. */
  private void write(String text) throws IOException {
    Files.createDirectories(path.getParent());
    Path temp = Files.createTempFile(path.getParent(), path.getFileName().toString(), ".tmp"); // owner-only
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    if (Files.exists(path)) {
      try {
        Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(path));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the temp file's permissions stay
      }
    }
    Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
