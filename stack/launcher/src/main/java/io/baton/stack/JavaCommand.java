package io.baton.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code java} command line: system properties, JVM options, then a main class on a classpath or a jar, then
 * program arguments. Properties come first so markers like {@code -Dbaton.home} stay in the part of a long
 * command line that {@code ps} and {@link ProcessHandle.Info} show.
 *
 * <pre>{@code
 * JavaCommand cmd = JavaCommand.mainClass("kafka.Kafka")
 *     .java(config.java())
 *     .classpath(config.kafkaLib() + "/*")
 *     .jvmOption("-Xmx512m")
 *     .systemProperty("baton.component", "kafka")
 *     .arg("server.properties")
 *     .build();
 * }</pre>
 *
 * <p>With {@link Builder#argFile(Path)} the main class and its arguments go into that file instead ({@code java ...
 * -cp <classpath> @<file>}), so arguments that hold a secret never show in {@code ps}; {@link JavaTool} writes the
 * file owner-only before the run and deletes it after.
 */
public final class JavaCommand {
  private final Path java;
  private final List<String> jvmOptions;
  private final Map<String, String> systemProperties;
  private final String classpath;
  private final String mainClass;
  private final Path jar;
  private final List<String> args;
  private final Path argFile;

  private JavaCommand(Builder b) {
    this.java = b.java;
    this.jvmOptions = List.copyOf(b.jvmOptions);
    this.systemProperties = Collections.unmodifiableMap(new LinkedHashMap<>(b.systemProperties));
    this.classpath = b.classpath;
    this.mainClass = b.mainClass;
    this.jar = b.jar;
    this.args = List.copyOf(b.args);
    this.argFile = b.argFile;
  }

  public static Builder mainClass(String mainClass) {
    Builder b = new Builder();
    b.mainClass = mainClass;
    return b;
  }

  public static Builder jar(Path jar) {
    Builder b = new Builder();
    b.jar = jar;
    return b;
  }

  /** The arguments to hand to {@link ProcessBuilder}. */
  public List<String> toList() {
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    systemProperties.forEach((key, value) -> cmd.add("-D" + key + "=" + value));
    cmd.addAll(jvmOptions);
    if (jar != null) {
      cmd.add("-jar");
      cmd.add(jar.toString());
    } else {
      cmd.add("-cp");
      cmd.add(classpath);
      if (argFile != null) {
        cmd.add("@" + argFile);
        return cmd;
      }
      cmd.add(mainClass);
    }
    cmd.addAll(args);
    return cmd;
  }

  /** The file that holds the main class and arguments, if they go into one. */
  public Optional<Path> argFile() {
    return Optional.ofNullable(argFile);
  }

  /** The argument file's text: the main class and each argument, quoted, one a line. */
  public String argFileText() {
    StringBuilder sb = new StringBuilder(quoted(mainClass)).append('\n');
    args.forEach(a -> sb.append(quoted(a)).append('\n'));
    return sb.toString();
  }

  private static String quoted(String arg) {
    return "\"" + arg.replace("\\", "\\\\") + "\"";
  }

  public List<String> args() {
    return args;
  }

  public String systemProperty(String key) {
    return systemProperties.get(key);
  }

  @Override
  public String toString() {
    return String.join(" ", toList());
  }

  /** Builds a {@link JavaCommand}; a main class needs {@link #classpath(String)}. */
  public static final class Builder {
    private Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private String classpath;
    private String mainClass;
    private Path jar;
    private final List<String> args = new ArrayList<>();
    private Path argFile;

    private Builder() {}

    public Builder java(Path java) {
      this.java = java;
      return this;
    }

    public Builder jvmOption(String option) {
      jvmOptions.add(option);
      return this;
    }

    public Builder jvmOptions(List<String> options) {
      jvmOptions.addAll(options);
      return this;
    }

    public Builder systemProperty(String key, String value) {
      systemProperties.put(key, value);
      return this;
    }

    public Builder classpath(String classpath) {
      this.classpath = classpath;
      return this;
    }

    public Builder arg(String arg) {
      args.add(arg);
      return this;
    }

    public Builder args(List<String> more) {
      args.addAll(more);
      return this;
    }

    /** Puts the main class and arguments into this file, not on the command line (main class only). */
    public Builder argFile(Path file) {
      this.argFile = file;
      return this;
    }

    public JavaCommand build() {
      List<String> problems = new ArrayList<>();
      if (java == null) {
        problems.add("java(Path) must not be null");
      }
      if (mainClass != null && (classpath == null || classpath.isBlank())) {
        problems.add("classpath(String) was not called for main class " + mainClass);
      }
      if (mainClass == null && jar == null) {
        problems.add("neither a main class nor a jar was given");
      }
      if (argFile != null && mainClass == null) {
        problems.add("argFile(Path) needs a main class");
      }
      args.stream().filter(a -> argFile != null && (a.contains("\"") || a.contains("\n")))
          .forEach(a -> problems.add("an argument in an argument file must not hold a quote or a line break"));
      if (!problems.isEmpty()) {
        throw new IllegalStateException("invalid JavaCommand: " + String.join("; ", problems));
      }
      return new JavaCommand(this);
    }
  }
}
