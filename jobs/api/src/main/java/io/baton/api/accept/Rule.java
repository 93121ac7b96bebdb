package io.baton.api.accept;

import io.baton.api.fn.RecordPredicate;
import io.baton.api.internal.Checks;
import java.io.Serializable;
import java.util.Objects;

/** A named data-quality rule; a record for which it is false goes to dead letters as {@code rule:<name>}. */
public record Rule<T>(String name, RecordPredicate<T> predicate) implements Serializable {
  public Rule {
    Checks.notBlank("rule name", name);
    Objects.requireNonNull(predicate, "predicate");
  }

  /** The dead-letter reason this rule gives: {@code rule:<name>}. */
  public String reason() {
    return "rule:" + name;
  }

  @Override
  public String toString() {
    return "rule(\"" + name + "\")";
  }
}
