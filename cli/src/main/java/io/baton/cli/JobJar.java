package io.baton.cli;

import io.baton.api.PipelineDefinition;
import io.baton.stack.RepoRoot;
import io.baton.stack.StackException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A job jar and the pipeline definitions it offers, found through
 * {@code META-INF/services/io.baton.api.PipelineDefinition}. The default is the examples' job jar.
 *
 * <pre>{@code
 * JobJar jar = JobJar.open(null);
 * PipelineDefinition story = jar.definition("sensor-story");
 * }</pre>
 */
final class JobJar implements AutoCloseable {
  private final Path path;
  private final URLClassLoader loader;

  private JobJar(Path path, URLClassLoader loader) {
    this.path = path;
    this.loader = loader;
  }

  /** Opens {@code path}, or the examples' job jar when null. */
  static JobJar open(Path path) throws StackException {
    Path jar = path != null ? path : defaultJar();
    if (!Files.isRegularFile(jar)) {
      throw new CliException("job jar " + jar + " does not exist"
          + (path == null ? "; build it with: mvn -B -q -DskipTests install" : ""));
    }
    try {
      return new JobJar(jar, new URLClassLoader(new URL[] {jar.toUri().toURL()}, JobJar.class.getClassLoader()));
    } catch (MalformedURLException e) {
      throw new CliException("cannot read job jar " + jar + ": " + e.getMessage(), e);
    }
  }

  static Path defaultJar() throws StackException {
    return RepoRoot.locate().resolve("jobs/examples/target/baton-examples.jar");
  }

  Path path() {
    return path;
  }

  /** Every definition the jar offers, built (so validated) to learn its name. */
  List<PipelineDefinition> definitions() {
    List<PipelineDefinition> all = new ArrayList<>();
    ServiceLoader.load(PipelineDefinition.class, loader).forEach(all::add);
    return all;
  }

  /** The definition whose pipeline is named {@code name}. */
  PipelineDefinition definition(String name) {
    List<String> names = new ArrayList<>();
    for (PipelineDefinition d : definitions()) {
      String n = d.define().name();
      if (n.equals(name)) {
        return d;
      }
      names.add(n);
    }
    throw new CliException("no pipeline '" + name + "' in " + path.getFileName() + "; it has: "
        + (names.isEmpty() ? "none (no META-INF/services/" + PipelineDefinition.class.getName() + ")"
            : String.join(", ", names)));
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }
}
