package io.baton.cli;

import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The option every command that talks to servers shares: which context it uses ({@code --context NAME}, else the
 * contexts file's {@code current-context}, else {@code local}). Remembers the context it selected, so a refused
 * login can be reported naming it ({@link KafkaFailures}).
 *
 * <pre>{@code
 * @Mixin ContextOptions context;
 * Cluster cluster = Cluster.of(context.select(), stack, registry);
 * }</pre>
 */
final class ContextOptions {
  @Option(names = "--context", paramLabel = "<name>",
      description = "Where to run: a context of the contexts file (default: its current-context, else local; see: ./baton context list).")
  String name;

  private Context selected;

  /** The context this command uses, checked (files, references); from the process's environment. */
  Context select() {
    return select(ContextsFile.environment());
  }

  /** The context this command uses, with {@code env} for the environment. */
  Context select(Map<String, String> env) {
    Context context = ContextsFile.at(ContextsFile.location(env)).load().select(Optional.ofNullable(name));
    ContextCheck.require(context, env::get);
    selected = context;
    return context;
  }

  /** True when {@code --context} was given: commands that need no servers consult contexts only then. */
  boolean given() {
    return name != null;
  }

  /**
   * The context this command names, without checking its files and references: for commands that connect to no
   * server but say what the context changes ({@code plan}, {@code pipelines}).
   */
  Context named(Map<String, String> env) {
    return ContextsFile.at(ContextsFile.location(env)).load().select(Optional.ofNullable(name));
  }

  /**
   * For the commands that manage the local stack ({@code up}, {@code down}, {@code logs}): refuses a
   * {@code --context} other than {@code local}, whose servers Baton does not start, stop or read logs of.
   */
  void requireLocal(String command) {
    if (!given()) {
      return;
    }
    Context named = named(ContextsFile.environment());
    if (!named.isLocal()) {
      throw new CliException(command + " works on the local stack only; context '" + named.name()
          + "' is servers elsewhere (Flink at " + named.flinkRest() + "); leave out --context or use --context local");
    }
  }

  /** The context {@link #select} returned, if it was called. */
  Optional<Context> selected() {
    return Optional.ofNullable(selected);
  }
}
