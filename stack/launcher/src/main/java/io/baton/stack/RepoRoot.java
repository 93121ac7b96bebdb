package io.baton.stack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the Baton checkout whose build produced the server classpaths, or the Baton distribution that carries them
 * (see {@link ServerLibs}). Looks at system property {@code baton.repo}, then env {@code BATON_REPO} (the
 * distribution's {@code bin/baton} sets it), then walks up from {@code user.dir}.
 *
 * <pre>{@code
 * Path repo = RepoRoot.locate();
 * }</pre>
 */
public final class RepoRoot {
  public static final String PROPERTY = "baton.repo";
  public static final String ENV = "BATON_REPO";

  private RepoRoot() {}

  public static Path locate() throws StackException {
    return locate(System.getProperties().getProperty(PROPERTY), System.getenv(), Path.of(System.getProperty("user.dir")));
  }

  static Path locate(String property, Map<String, String> env, Path workingDir) throws StackException {
    if (property != null && !property.isBlank()) {
      return checked(Path.of(property), "system property " + PROPERTY);
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return checked(Path.of(fromEnv), "environment variable " + ENV);
    }
    return walkUp(workingDir).orElseThrow(() -> new StackException(
        "cannot find the Baton checkout above " + workingDir + "; set " + ENV + " or -D" + PROPERTY));
  }

  /** The nearest directory at or above {@code dir} that looks like the repository root. */
  static Optional<Path> walkUp(Path dir) {
    for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (isRoot(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  static boolean isRoot(Path p) {
    return ServerLibs.isCheckout(p) || ServerLibs.isDistribution(p);
  }

  /** The checkout or distribution, if one is named or lies above {@code user.dir}; nothing otherwise. */
  public static Optional<Path> find() {
    try {
      return Optional.of(locate());
    } catch (StackException e) {
      return Optional.empty();
    }
  }

  private static Path checked(Path p, String source) throws StackException {
    Path abs = p.toAbsolutePath().normalize();
    if (!isRoot(abs)) {
      throw new StackException(source + " points to " + abs + ", which is not a Baton checkout (no stack/launcher/pom.xml)"
          + " nor a Baton distribution (no bin/baton beside stack/kafka)");
    }
    return abs;
  }
}
