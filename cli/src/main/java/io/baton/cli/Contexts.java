package io.baton.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contexts a user has: {@code local} (always) and those of their contexts file, and which one is current.
 * Which context a command uses: {@code --context NAME}, else the file's {@code current-context}, else {@code local}.
 *
 * <pre>{@code
 * Contexts contexts = ContextsFile.at(ContextsFile.location(System.getenv())).load();
 * Context context = contexts.select(Optional.ofNullable(contextFlag));
 * }</pre>
 */
final class Contexts {
  private final Path file;
  private final String current;
  private final Map<String, Context> byName;

  Contexts(Path file, String current, Map<String, Context> defined) {
    this.file = file;
    this.current = current;
    Map<String, Context> all = new LinkedHashMap<>();
    all.put(Context.LOCAL_NAME, Context.LOCAL);
    all.putAll(defined);
    this.byName = Collections.unmodifiableMap(all);
  }

  /** Only {@code local}: no contexts file. */
  static Contexts localOnly(Path file) {
    return new Contexts(file, null, Map.of());
  }

  /** The contexts file (which may not exist). */
  Path file() {
    return file;
  }

  /** The file's {@code current-context}, else {@code local}. */
  String current() {
    return current != null ? current : Context.LOCAL_NAME;
  }

  /** Every context, {@code local} first, then in the file's order. */
  List<Context> all() {
    return new ArrayList<>(byName.values());
  }

  /** The context a command uses: {@code flag} (from {@code --context}) if given, else {@link #current()}. */
  Context select(Optional<String> flag) {
    String name = flag.orElse(current());
    Context context = byName.get(name);
    if (context == null) {
      throw new CliException("no context '" + name + "'" + (flag.isPresent() ? " (--context)" : " (current-context in "
          + file + ")") + "; the contexts are: " + String.join(", ", byName.keySet()) + " (see: ./baton context list)");
    }
    return context;
  }
}
