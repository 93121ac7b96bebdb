package io.baton.k8s.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptionsInternal;
import org.apache.flink.kubernetes.configuration.KubernetesConfigOptions;

/**
 * The files Flink reads on the client while deploying a session, in a temporary folder: a console logging config
 * (Flink ships it in the flink-config ConfigMap, so {@code kubectl logs} shows the logs) unless the configuration
 * names its own config folder, and the jobs volume's pod template when a claim is given. Delete the folder after
 * deploying.
 *
 * <pre>{@code
 * SessionFiles files = SessionFiles.stage(spec, config);   // points config at them
 * try { ... deploySessionCluster ... } finally { files.delete(); }
 * }</pre>
 */
final class SessionFiles {
  private static final List<ConfigOption<String>> POD_TEMPLATES = List.of(KubernetesConfigOptions.KUBERNETES_POD_TEMPLATE,
      KubernetesConfigOptions.JOB_MANAGER_POD_TEMPLATE, KubernetesConfigOptions.TASK_MANAGER_POD_TEMPLATE);

  private final Path folder;

  private SessionFiles(Path folder) {
    this.folder = folder;
  }

  /** Writes the files and sets their options in {@code config}; refuses a jobs claim beside a pod template of the user's. */
  static SessionFiles stage(SessionSpec spec, Configuration config) {
    if (spec.jobsClaim().isPresent()) {
      for (ConfigOption<String> option : POD_TEMPLATES) {
        if (config.contains(option)) {
          throw new SessionException("the jobs claim (" + spec.jobsClaim().get() + ") is mounted through a pod template, and "
              + option.key() + " is set too; mount the claim in your own pod template instead");
        }
      }
    }
    SessionFiles files;
    try {
      files = new SessionFiles(Files.createTempDirectory("baton-session"));
      if (!config.contains(DeploymentOptionsInternal.CONF_DIR)) {
        try (InputStream log = SessionFiles.class.getResourceAsStream("log4j-console.properties")) {
          Files.copy(log, files.folder.resolve("log4j-console.properties"));
        }
        config.set(DeploymentOptionsInternal.CONF_DIR, files.folder.toString());
      }
      if (spec.jobsClaim().isPresent()) {
        Path template = Files.writeString(files.folder.resolve("pod-template.yaml"), JobsPodTemplate.yaml(spec.jobsClaim().get()));
        config.set(KubernetesConfigOptions.KUBERNETES_POD_TEMPLATE, template.toString());
      }
    } catch (IOException e) {
      throw new SessionException("could not write the session's files to a temporary folder: " + e.getMessage(), e);
    }
    return files;
  }

  /** Deletes the folder; one left behind is harmless. */
  void delete() {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
