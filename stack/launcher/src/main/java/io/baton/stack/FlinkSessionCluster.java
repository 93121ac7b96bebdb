package io.baton.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Flink session cluster of one JobManager (with the web UI) and one TaskManager, each its own JVM on
 * 127.0.0.1, run from the classpath stack/flink-runtime copied (there is no flink-dist on Maven Central).
 *
 * <pre>{@code
 * FlinkSessionCluster flink = new FlinkSessionCluster(config);
 * flink.writeConfig();
 * LocalServer jm = flink.jobManager(), tm = flink.taskManager();
 * }</pre>
 */
public final class FlinkSessionCluster {
  static final String JOBMANAGER_MAIN = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  static final String TASKMANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
  static final String MEMORY_TOOL = "org.apache.flink.runtime.util.bash.BashJavaUtils";
  static final String PROMETHEUS_REPORTER = "io.baton.stack.reporter.LoopbackPrometheusReporterFactory";
  static final String PROMETHEUS_PORT = "metrics.reporter.prom.port";
  /** stack/flink-lineage's listener: the OpenLineage end events of streaming stage jobs, written by the JobManager. */
  static final String LINEAGE_LISTENER = "io.baton.stack.lineage.StageEndEventsFactory";
  static final String JOBMANAGER_MEMORY = "1024m";
  static final String TASKMANAGER_MEMORY = "1728m";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StackConfig config;

  public FlinkSessionCluster(StackConfig config) {
    this.config = config;
  }

  /** The web UI and REST API, e.g. {@code http://127.0.0.1:8081}. */
  public static String webUrl(Ports ports) {
    return "http://127.0.0.1:" + ports.flinkRest();
  }

  /** Where the JobManager's and the TaskManager's Prometheus reporters serve their metrics. */
  public static List<String> prometheusUrls(int prometheusPort) {
    return List.of("http://127.0.0.1:" + prometheusPort + "/metrics", "http://127.0.0.1:" + (prometheusPort + 1) + "/metrics");
  }

  /** Flat Flink options in a stable order; {@link FlinkYaml} nests them. */
  static Map<String, String> settings(StackConfig config) {
    Ports ports = config.ports();
    Map<String, String> s = new LinkedHashMap<>();
    s.put("jobmanager.rpc.address", "127.0.0.1");
    s.put("jobmanager.rpc.port", Integer.toString(ports.flinkRpc()));
    s.put("jobmanager.bind-host", "127.0.0.1");
    s.put("jobmanager.memory.process.size", JOBMANAGER_MEMORY);
    s.put("taskmanager.bind-host", "127.0.0.1");
    s.put("taskmanager.host", "127.0.0.1");
    s.put("taskmanager.numberOfTaskSlots", Integer.toString(config.taskSlots()));
    s.put("taskmanager.memory.process.size", TASKMANAGER_MEMORY);
    s.put("rest.address", "127.0.0.1");
    s.put("rest.bind-address", "127.0.0.1");
    s.put("rest.port", Integer.toString(ports.flinkRest()));
    s.put("parallelism.default", "1");
    // Prometheus scrapes each process: the JobManager on this port, the TaskManager on the next (a -D of its own).
    s.put("metrics.reporter.prom.factory.class", PROMETHEUS_REPORTER);
    s.put(PROMETHEUS_PORT, Integer.toString(config.prometheusPort()));
    StackLayout layout = config.layout();
    s.put("execution.checkpointing.dir", "file://" + layout.checkpoints());
    s.put("execution.checkpointing.num-retained", "3");
    s.put("execution.checkpointing.savepoint-dir", "file://" + layout.savepoints());
    // Completed checkpoints stay when a job is cancelled or the cluster stops, so they survive down/up.
    s.put("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
    s.put("cluster.registration.error-delay", "1 s");
    s.put("web.upload.dir", layout.uploadedJars().toString());
    s.put("web.tmpdir", layout.flinkTmp().toString());
    s.put("blob.storage.directory", layout.flinkBlobs().toString());
    s.put("io.tmp.dirs", layout.flinkTmp().toString());
    // A streaming stage job's end (stopped, cancelled, failed) is known only here: appended to the CLI's lineage file.
    s.put("execution.job-status-changed-listeners", LINEAGE_LISTENER);
    s.put("baton.lineage.file", layout.lineageFile().toString());
    s.put("baton.lineage.namespace", "baton");
    return s;
  }

  static String configYaml(StackConfig config) {
    return "# Written by baton for the local stack; rewritten on every start.\n" + FlinkYaml.render(settings(config));
  }

  Path configFile() {
    return config.layout().flinkConf().resolve("config.yaml");
  }

  Path log4jFile() {
    return config.layout().flinkConf().resolve("log4j-console.properties");
  }

  /** Writes config.yaml and the logging configuration and empties the scratch folders; call before starting. */
  public void writeConfig() throws IOException {
    StackLayout layout = config.layout();
    Files.createDirectories(layout.flinkConf());
    Files.createDirectories(layout.checkpoints());
    Files.createDirectories(layout.savepoints());
    for (Path scratch : List.of(layout.uploadedJars(), layout.flinkBlobs(), layout.flinkTmp())) {
      ScratchDir.recreate(scratch);
    }
    Files.writeString(configFile(), configYaml(config));
    Files.writeString(log4jFile(), Resources.text("flink-log4j2.properties"));
  }

  public LocalServer jobManager() {
    return new Process(Component.JOBMANAGER, JOBMANAGER_MAIN, "GET_JM_RESOURCE_PARAMS");
  }

  public LocalServer taskManager() {
    return new Process(Component.TASKMANAGER, TASKMANAGER_MAIN, "GET_TM_RESOURCE_PARAMS");
  }

  JavaCommand memoryCommand(String request) {
    JavaCommand.Builder b = JavaCommand.mainClass(MEMORY_TOOL).java(config.java())
        .classpath(config.flinkLib().resolve("*").toString())
        .jvmOptions(List.of("-Xmx128m", "-XX:TieredStopAtLevel=1"));
    ProcessMarker.of("flink-memory", config.home()).applyTo(b);
    return b.systemProperty("log4j.configurationFile", log4jFile().toString())
        .args(List.of(request, "--configDir", config.layout().flinkConf().toString()))
        .build();
  }

  JavaCommand serverCommand(Component component, String mainClass, FlinkMemoryParams memory) {
    JavaCommand.Builder b = JavaCommand.mainClass(mainClass).java(config.java())
        .classpath(config.flinkLib().resolve("*").toString())
        .jvmOptions(memory.jvmFlags())
        .jvmOptions(FlinkJvmOptions.OPENS);
    ProcessMarker.of(component, config.home()).applyTo(b);
    return b.systemProperty("log.file", config.layout().logFile(component).toString())
        .systemProperty("java.io.tmpdir", config.layout().flinkTmp().toString())
        .systemProperty("log4j.configurationFile", log4jFile().toString())
        .args(List.of("--configDir", config.layout().flinkConf().toString()))
        .args(memory.dynamicArgs())
        .args(component == Component.TASKMANAGER
            ? List.of("-D", PROMETHEUS_PORT + "=" + (config.prometheusPort() + 1)) : List.of())
        .build();
  }

  /**
   * BashJavaUtils' answer for this config; cached next to config.yaml (keyed by its content) because it costs a JVM
   * start on every {@code up} and only changes with the config.
   */
  private String memoryOutput(Component component, String request)
      throws IOException, InterruptedException, StackException {
    Path cache = config.layout().flinkConf().resolve(component.id() + "-memory.txt");
    String inputs;
    try (var jars = Files.list(config.flinkLib())) {
      inputs = Files.readString(configFile()) + jars.map(j -> j.getFileName().toString()).sorted().toList();
    }
    String key = "# config and classpath " + Integer.toHexString(inputs.hashCode()) + "\n";
    if (Files.exists(cache)) {
      String cached = Files.readString(cache);
      if (cached.startsWith(key)) {
        return cached.substring(key.length());
      }
    }
    String out = JavaTool.run("flink memory calculation for " + component, memoryCommand(request),
        config.layout().flinkDir(), config.startTimeout());
    FlinkMemoryParams.parse(out); // only cache an answer that parses
    Files.writeString(cache, key + out);
    return out;
  }

  JsonNode overview() throws IOException, InterruptedException {
    HttpResponse<String> r = Http.get(webUrl(config.ports()) + "/overview");
    if (r.statusCode() != 200) {
      throw new IOException("GET /overview answered HTTP " + r.statusCode());
    }
    return JSON.readTree(r.body());
  }

  /** The JobManager or the TaskManager. */
  private final class Process implements LocalServer {
    private final Component component;
    private final String mainClass;
    private final String memoryRequest;

    Process(Component component, String mainClass, String memoryRequest) {
      this.component = component;
      this.mainClass = mainClass;
      this.memoryRequest = memoryRequest;
    }

    @Override
    public Component component() {
      return component;
    }

    @Override
    public String endpoint() {
      return component == Component.JOBMANAGER
          ? webUrl(config.ports())
          : config.taskSlots() + " slots, jobmanager rpc 127.0.0.1:" + config.ports().flinkRpc();
    }

    @Override
    public ManagedProcess start() throws IOException, InterruptedException, StackException {
      Path dir = config.layout().flinkDir();
      FlinkMemoryParams memory;
      try {
        memory = FlinkMemoryParams.parse(memoryOutput(component, memoryRequest));
      } catch (IllegalArgumentException e) {
        throw new StackException(e.getMessage(), e);
      }
      return ManagedProcess.start(component, serverCommand(component, mainClass, memory), dir,
          config.layout().logFile(component));
    }

    @Override
    public void awaitReady(ManagedProcess process, Instant deadline) throws StackException, InterruptedException {
      if (component == Component.JOBMANAGER) {
        Await.ready(process, deadline, "answers GET /overview", () -> overview() != null);
      } else {
        Await.ready(process, deadline, "registered with the jobmanager", () -> {
          JsonNode o = overview();
          return o.path("taskmanagers").asInt() >= 1 && o.path("slots-total").asInt() >= 1;
        });
      }
    }
  }
}
