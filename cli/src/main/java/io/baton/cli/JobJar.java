package io.baton.cli;

import io.baton.api.PipelineDefinition;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.Planner;
import io.baton.stack.RepoRoot;
import io.baton.stack.StackException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A job jar and the pipelines it offers: exactly the classes its own
 * {@code META-INF/services/io.baton.api.PipelineDefinition} lists, each loaded from the jar
 * ({@link JarFirstClassLoader}) and defined on its own, so a broken one is reported as broken and the others still
 * work. The default is the examples' job jar.
 *
 * <pre>{@code
 * try (JobJar jar = JobJar.open(Path.of("target/orders-job.jar"))) {
 *   PipelineDefinition orders = jar.definition("orders");
 *   jar.requireRunnable();          // before anything is created on the stack
 * }
 * }</pre>
 */
final class JobJar implements AutoCloseable {
  static final String SERVICES = "META-INF/services/" + PipelineDefinition.class.getName();

  private final Path path;
  private final JarFile file;
  private final JarFirstClassLoader loader;
  private List<OfferedPipeline> offered;

  private JobJar(Path path, JarFile file, JarFirstClassLoader loader) {
    this.path = path;
    this.file = file;
    this.loader = loader;
  }

  /** The plan of {@code pipeline} from the job jar at {@code path} (null: the examples'), for commands that need no more. */
  static Plan plan(Path path, String pipeline) throws Exception {
    try (JobJar jobJar = open(path)) {
      return Planner.plan(jobJar.definition(pipeline));
    }
  }

  /** Opens {@code path}, or the examples' job jar when null. */
  static JobJar open(Path path) throws StackException {
    Path jar = path != null ? path : defaultJar();
    if (!Files.isRegularFile(jar)) {
      throw new CliException("job jar " + jar + " does not exist"
          + (path == null ? "; build it with: mvn -B -q -DskipTests install" : ""));
    }
    try {
      JarFile file = new JarFile(jar.toFile());
      return new JobJar(jar, file, new JarFirstClassLoader(jar.toUri().toURL(), JobJar.class.getClassLoader()));
    } catch (IOException e) {
      throw new CliException("cannot read job jar " + jar + " (" + e.getMessage() + "); is it a jar file?", e);
    }
  }

  static Path defaultJar() throws StackException {
    return RepoRoot.locate().resolve("jobs/examples/target/baton-examples.jar");
  }

  Path path() {
    return path;
  }

  /** Every class the jar's services file lists, in its order, each working or broken. */
  List<OfferedPipeline> offered() {
    if (offered == null) {
      List<OfferedPipeline> all = new ArrayList<>();
      for (String className : registered()) {
        all.add(OfferedPipeline.load(className, loader));
      }
      offered = List.copyOf(all);
    }
    return offered;
  }

  /** The definition whose pipeline is named {@code name}; otherwise says what the jar has, broken ones too. */
  PipelineDefinition definition(String name) {
    List<String> names = new ArrayList<>();
    List<String> broken = new ArrayList<>();
    for (OfferedPipeline o : offered()) {
      if (o.broken()) {
        broken.add(o.describe());
      } else if (o.name().equals(name)) {
        return o.definition();
      } else {
        names.add(o.name());
      }
    }
    StringBuilder message = new StringBuilder("no pipeline '" + name + "' in " + path.getFileName() + "; it has: "
        + (names.isEmpty() ? "none that works" : String.join(", ", names)));
    if (!broken.isEmpty()) {
      message.append("; broken (fix and rebuild the jar): ").append(String.join("; ", broken));
    }
    throw new CliException(message.toString());
  }

  /** What the jar lacks to run on a session cluster, as fixes; empty when it can run. */
  List<String> missingForRun() {
    return RunnableJar.missing(file::getJarEntry);
  }

  /** Refuses a jar that could not run on the cluster, saying what to add, before anything is created. */
  void requireRunnable() {
    List<String> missing = missingForRun();
    if (!missing.isEmpty()) {
      throw new CliException(path.getFileName() + " cannot run on the cluster: " + String.join("; ", missing)
          + "; the cluster provides only Flink itself, so shade these into the job jar (maven-shade-plugin, "
          + "not scope provided) and rebuild it");
    }
  }

  /** Class names in the jar's own services file; a jar without one is told how to register pipelines. */
  private List<String> registered() {
    JarEntry services = file.getJarEntry(SERVICES);
    if (services == null) {
      throw new CliException(path.getFileName() + " registers no pipeline: it has no " + SERVICES
          + "; add that file to the jar (src/main/resources/" + SERVICES + ") with one line per class that implements "
          + PipelineDefinition.class.getName() + ", e.g. com.acme.OrdersPipeline");
    }
    List<String> names = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(file.getInputStream(services), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        int comment = line.indexOf('#');
        String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
        if (!name.isEmpty() && !names.contains(name)) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new CliException("cannot read " + SERVICES + " in " + path + ": " + e.getMessage(), e);
    }
    return names;
  }

  @Override
  public void close() throws IOException {
    try {
      loader.close();
    } finally {
      file.close();
    }
  }
}
