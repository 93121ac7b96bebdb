package io.baton.schemas.compat;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of a compatibility check: what was compared and every problem found (none = compatible).
 *
 * <pre>{@code
 * ResolutionReport report = CompatibilityChecker.check(Summary.getClassSchema(), readerSchema);
 * if (!report.compatible()) throw new IllegalStateException(report.toString());
 * }</pre>
 */
public final class ResolutionReport {
  private final String subject;
  private final List<CompatibilityProblem> problems;

  private ResolutionReport(String subject, List<CompatibilityProblem> problems) {
    this.subject = subject;
    this.problems = List.copyOf(problems);
  }

  /** A report about {@code subject} (e.g. "writer io.x.A read as io.x.A") with its problems. */
  public static ResolutionReport of(String subject, List<CompatibilityProblem> problems) {
    Objects.requireNonNull(subject, "subject must not be null");
    Objects.requireNonNull(problems, "problems must not be null");
    return new ResolutionReport(subject, problems);
  }

  /** What was compared. */
  public String subject() {
    return subject;
  }

  /** True when no problem was found. */
  public boolean compatible() {
    return problems.isEmpty();
  }

  /** Every problem found, in schema order. */
  public List<CompatibilityProblem> problems() {
    return problems;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResolutionReport other && subject.equals(other.subject) && problems.equals(other.problems);
  }

  @Override
  public int hashCode() {
    return Objects.hash(subject, problems);
  }

  /** One line when compatible, else one line per problem. */
  @Override
  public String toString() {
    if (problems.isEmpty()) {
      return subject + ": compatible";
    }
    return subject + ": " + problems.size() + " problem(s)\n  - "
        + problems.stream().map(CompatibilityProblem::toString).collect(Collectors.joining("\n  - "));
  }
}
