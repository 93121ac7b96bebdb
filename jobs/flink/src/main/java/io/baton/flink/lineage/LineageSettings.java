package io.baton.flink.lineage;

import io.baton.flink.plan.Plan;
import io.openlineage.client.Clients;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.OpenLineageClientUtils;
import io.openlineage.client.OpenLineageConfig;
import io.openlineage.client.transports.FileConfig;
import io.openlineage.client.transports.TransportFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Whether and where the stage jobs' OpenLineage run events go: off, appended to a JSON-lines file (OpenLineage's file
 * transport), or to the transport an OpenLineage client config file names (its own {@code openlineage.yml} format, e.g.
 * {@code transport: {type: http, url: http://marquez:5000}}, an API key under {@code auth}); jobs in {@code namespace}.
 *
 * <pre>{@code
 * LineageSettings.toFile(Path.of(".baton/lineage/openlineage.jsonl"));                // the local stack's default
 * LineageSettings.fromClientConfig(Path.of("/etc/baton/openlineage.yml")).inNamespace("prod");
 * }</pre>
 */
public final class LineageSettings {
  /** The default job namespace. */
  public static final String DEFAULT_NAMESPACE = "baton";

  private final Path file;
  private final Path clientConfig;
  private final String namespace;

  private LineageSettings(Path file, Path clientConfig, String namespace) {
    this.file = file;
    this.clientConfig = clientConfig;
    this.namespace = checkNamespace(namespace);
  }

  /** No events. */
  public static LineageSettings off() {
    return new LineageSettings(null, null, DEFAULT_NAMESPACE);
  }

  /** Events appended, one JSON object a line, to {@code file} (its folder made when needed). */
  public static LineageSettings toFile(Path file) {
    return new LineageSettings(Objects.requireNonNull(file, "file"), null, DEFAULT_NAMESPACE);
  }

  /** Events sent by the transport that the OpenLineage client config file {@code openlineageYml} names. */
  public static LineageSettings fromClientConfig(Path openlineageYml) {
    return new LineageSettings(null, Objects.requireNonNull(openlineageYml, "openlineageYml"), DEFAULT_NAMESPACE);
  }

  /** The same, with the jobs in {@code namespace}. */
  public LineageSettings inNamespace(String namespace) {
    return new LineageSettings(file, clientConfig, namespace);
  }

  public boolean enabled() {
    return file != null || clientConfig != null;
  }

  public String namespace() {
    return namespace;
  }

  /**
   * Opens the emitter for a run of {@code plan} on {@code bootstrapServers}; a transport that cannot be made is reported
   * to {@code warnings} and the run goes on without lineage.
   */
  public JobLineage open(Plan plan, String bootstrapServers, boolean bounded, Consumer<String> warnings) {
    if (!enabled()) {
      return JobLineage.off();
    }
    try {
      return new JobLineage(client(), new StageRunEvents(plan, namespace, bootstrapServers, bounded), warnings);
    } catch (RuntimeException | IOException e) {
      warnings.accept("lineage: no OpenLineage events for this run: " + this + " failed: " + e.getMessage());
      return JobLineage.off();
    }
  }

  private OpenLineageClient client() throws IOException {
    if (file != null) {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      return new OpenLineageClient(new TransportFactory(new FileConfig(file.toAbsolutePath().toString())).build());
    }
    try (InputStream in = Files.newInputStream(clientConfig)) {
      OpenLineageConfig<?> config = OpenLineageClientUtils.loadOpenLineageConfigYaml(in, new TypeReference<OpenLineageConfig<?>>() { });
      if (config.getTransportConfig() == null) {
        throw new IllegalArgumentException(clientConfig + " names no transport (transport: {type: http, url: ...})");
      }
      return Clients.newClient(config);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  static String checkNamespace(String namespace) {
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException("lineage namespace must not be blank, got '" + namespace + "'");
    }
    return namespace;
  }

  @Override
  public String toString() {
    if (file != null) {
      return "LineageSettings.toFile(" + file + ").inNamespace(" + namespace + ")";
    }
    return clientConfig != null ? "LineageSettings.fromClientConfig(" + clientConfig + ").inNamespace(" + namespace + ")"
        : "LineageSettings.off()";
  }
}
