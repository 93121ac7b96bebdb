package io.baton.flink.plan;

import io.baton.api.internal.StageSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;

/**
 * A stage's stable version: the first 12 hex digits of a SHA-256 over what its job compiles from. Two builds of the
 * same definition from the same jar give the same version; a change to anything the job runs gives another: the
 * batch, accept and event-time policies, the function shape, parallelism, delivery, lineage and the user's
 * {@code .version(..)} label, the topics read and written, the Avro schemas (parsing canonical form) of its input and
 * output classes, and the class-file bytes of its user code (see {@link UserCode}).
 *
 * <pre>{@code
 * String version = StageVersion.of(graph.stage("per-minute"));   // e.g. "3f9a01c2b4d5"
 * }</pre>
 */
public final class StageVersion {
  /** The Flink global job parameter that carries it ({@code /jobs/<id>/config}, {@code execution-config.user-config}). */
  public static final String JOB_PARAMETER = "baton.stage.version";

  private static final int HEX_CHARS = 12;

  private StageVersion() {}

  /** The version of {@code spec}. */
  public static String of(StageSpec spec) {
    MessageDigest sha = sha256();
    for (String part : described(spec)) {
      sha.update(part.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
    }
    userCode(spec).digest(sha);
    return HexFormat.of().formatHex(sha.digest()).substring(0, HEX_CHARS);
  }

  /** The stage's compiled plan in words, one part a line (what is hashed besides the class bytes). */
  static List<String> described(StageSpec spec) {
    List<String> parts = new ArrayList<>();
    parts.add("stage " + spec.name() + (spec.source() ? " source" : ""));
    parts.add("batch " + spec.batch());
    parts.add("grace " + spec.batch().grace());
    parts.add("function " + spec.function().map(f -> f.label()).orElse("accept"));
    parts.add("accept " + spec.accept());
    parts.add("event time " + spec.eventTime().map(t -> t.timestamp().isPresent() + " " + t.outOfOrderness() + " "
        + t.idleClose().map(Object::toString).orElse("-")).orElse("none"));
    parts.add("parallelism " + spec.parallelism());
    parts.add("delivery " + spec.delivery());
    parts.add("lineage " + spec.lineage());
    parts.add("version " + spec.version());
    parts.add("inputs " + spec.inputTopics());
    parts.add("output " + spec.outputTopic() + " partitions " + spec.outputPartitions());
    parts.add("dead letters " + spec.deadLetterTopic());
    for (Class<?> c : spec.inputClasses()) {
      parts.add("reads " + SchemaNormalization.toParsingForm(SpecificData.get().getSchema(c)));
    }
    parts.add("writes " + SchemaNormalization.toParsingForm(SpecificData.get().getSchema(spec.outputClass())));
    return parts;
  }

  /** The user code a stage holds: its function, keys, accept rules and rate-limit key, timestamp function. */
  static UserCode userCode(StageSpec spec) {
    UserCode code = new UserCode();
    spec.function().ifPresent(code::visit);
    code.visit(spec.batch());
    spec.leftKey().ifPresent(code::visit);
    spec.rightKey().ifPresent(code::visit);
    code.visit(spec.accept());
    spec.eventTime().flatMap(t -> t.timestamp()).ifPresent(code::visit);
    return code;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
