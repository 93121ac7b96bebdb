package io.baton.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a job jar must hold to run on a session cluster, which provides Flink's runtime and nothing else: the stage
 * job entry point, the Kafka connector and Avro. Each missing part comes with the dependency that brings it.
 *
 * <pre>{@code
 * List<String> fixes = RunnableJar.missing(jarFile::getJarEntry);
 * // ["no io.baton.flink.job.StageJob: add the dependency io.baton:baton-flink", ...]
 * }</pre>
 */
final class RunnableJar {
  /** A class the job needs at run time and the dependency that brings it. */
  record Part(String className, String dependency) {
    String entry() {
      return className.replace('.', '/') + ".class";
    }
  }

  static final List<Part> PARTS = List.of(
      new Part("io.baton.flink.job.StageJob", "io.baton:baton-flink (the same version as this baton)"),
      new Part("org.apache.flink.connector.kafka.source.KafkaSource",
          "org.apache.flink:flink-connector-kafka:5.0.0-2.2"),
      new Part("org.apache.avro.Schema", "org.apache.avro:avro (unrelocated)"));

  private RunnableJar() {}

  /** One line per missing part; {@code entries} answers non-null for an entry the jar holds. */
  static List<String> missing(Function<String, ?> entries) {
    List<String> missing = new ArrayList<>();
    for (Part part : PARTS) {
      if (entries.apply(part.entry()) == null) {
        missing.add("no " + part.className() + ": add the dependency " + part.dependency());
      }
    }
    return missing;
  }
}
