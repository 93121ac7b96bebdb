package io.baton.cli;

import io.baton.connectors.SecretReferences;
import io.baton.schemas.registry.RegistryConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What a context needs when a command uses it, checked before any server is called, all problems together: its
 * properties files exist and no one but their owner (and group) can read them, and every secret reference resolves. Messages name
 * settings and references, never a value.
 *
 * <pre>{@code
 * ContextCheck.require(context, System::getenv);
 * RegistryConfig registry = ContextCheck.resolvedRegistry(context, System::getenv);
 * }</pre>
 */
final class ContextCheck {
  /** Group read is allowed: a Kubernetes Secret volume is often {@code 0440} with the pod's fsGroup. */
  private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

  private ContextCheck() {}

  /** Throws a {@link CliException} naming the context and every problem; {@code local} has none. */
  static void require(Context context, UnaryOperator<String> env) {
    List<String> problems = problems(context, env);
    if (!problems.isEmpty()) {
      throw new CliException("context '" + context.name() + "' (" + context.origin().map(Path::toString).orElse("")
          + ") cannot be used: " + String.join("; ", problems));
    }
  }

  static List<String> problems(Context context, UnaryOperator<String> env) {
    List<String> problems = new ArrayList<>();
    if (context.isLocal()) {
      return problems;
    }
    if (context.isKubernetes()) {
      context.kube().kubeconfig().filter(p -> !Files.isRegularFile(p)).ifPresent(p ->
          problems.add("kubernetes.kubeconfig: no file " + p));
      return problems;
    }
    boolean kafkaFileOk = file(context.kafka().propertiesFile(), "kafka.propertiesFile", problems);
    boolean registryFileOk = file(context.registry().propertiesFile(), "registry.propertiesFile", problems);
    if (kafkaFileOk) {
      try {
        context.kafka().clientProperties(env);
      } catch (IllegalArgumentException | IllegalStateException e) {
        problems.add("kafka: " + e.getMessage());
      }
    }
    if (registryFileOk) {
      try {
        resolvedRegistry(context, env);
      } catch (IllegalArgumentException e) {
        problems.add("registry: " + e.getMessage());
      }
    }
    return problems;
  }

  /** The context's registry with its settings' references resolved (the file's values are taken as they are). */
  static RegistryConfig resolvedRegistry(Context context, UnaryOperator<String> env) {
    RegistryConfig declared = context.registry();
    RegistryConfig resolved = RegistryConfig.of(declared.url())
        .withProperties(SecretReferences.resolveAll(declared.properties(), env));
    return declared.propertiesFile().map(resolved::withPropertiesFile).orElse(resolved);
  }

  /** True when the file is absent or usable; else adds why not. */
  private static boolean file(Optional<Path> file, String setting, List<String> problems) {
    if (file.isEmpty()) {
      return true;
    }
    Path path = file.get();
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      problems.add(setting + " " + path + " does not exist or cannot be read");
      return false;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
      if (permissions.stream().anyMatch(OTHERS::contains)) {
        problems.add(setting + " " + path + " can be read or changed by others (" + PosixFilePermissions.toString(permissions)
            + "); make it owner-only: chmod 600 " + path + " (a Kubernetes Secret volume: defaultMode: 0400, or 0440 with the pod's fsGroup)");
        return false;
      }
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: nothing to check
    }
    return true;
  }
}
