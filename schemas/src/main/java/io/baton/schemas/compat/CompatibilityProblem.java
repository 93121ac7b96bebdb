package io.baton.schemas.compat;

import java.util.Objects;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

/**
 * One reason a writer schema cannot be read with a reader schema: where, what, and how to fix it.
 *
 * <pre>{@code
 * for (CompatibilityProblem p : CompatibilityChecker.check(writer, reader).problems()) {
 *   System.err.println(p.location() + ": " + p.problem() + " (" + p.hint() + ")");
 * }
 * }</pre>
 */
public final class CompatibilityProblem {
  private final SchemaIncompatibilityType type;
  private final String location;
  private final String pointer;
  private final String problem;
  private final String hint;

  private CompatibilityProblem(SchemaIncompatibilityType type, String location, String pointer, String problem, String hint) {
    this.type = type;
    this.location = location;
    this.pointer = pointer;
    this.problem = problem;
    this.hint = hint;
  }

  /** A problem; every argument is required. */
  public static CompatibilityProblem of(SchemaIncompatibilityType type, String location, String pointer, String problem, String hint) {
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(location, "location must not be null");
    Objects.requireNonNull(pointer, "pointer must not be null");
    Objects.requireNonNull(problem, "problem must not be null");
    Objects.requireNonNull(hint, "hint must not be null");
    return new CompatibilityProblem(type, location, pointer, problem, hint);
  }

  /** Avro's classification of the problem. */
  public SchemaIncompatibilityType type() {
    return type;
  }

  /** Field path in the reader schema, e.g. {@code Reading.celsius} or {@code Order.lines[].price}. */
  public String location() {
    return location;
  }

  /** Avro's JSON pointer into the reader schema, e.g. {@code /fields/1/type}. */
  public String pointer() {
    return pointer;
  }

  /** What is wrong, in words. */
  public String problem() {
    return problem;
  }

  /** How to fix it, e.g. "add a default to field 'b' in the reader schema". */
  public String hint() {
    return hint;
  }

  /** A copy whose problem text is prefixed with {@code context}. */
  CompatibilityProblem within(String context) {
    return new CompatibilityProblem(type, location, pointer, context + ": " + problem, hint);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CompatibilityProblem other && type == other.type && location.equals(other.location)
        && pointer.equals(other.pointer) && problem.equals(other.problem) && hint.equals(other.hint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, location, pointer, problem, hint);
  }

  @Override
  public String toString() {
    return location + ": " + problem + " -- " + hint;
  }
}
