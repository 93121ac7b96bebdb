package io.baton.schemas.registry;

import io.baton.schemas.compat.CompatibilityChecker;
import io.baton.schemas.compat.CompatibilityLevel;

import java.util.List;
import java.util.Objects;

/**
 * The registry's verdict on a candidate schema for a subject, with the reasons when it is refused.
 *
 * <p>When the registry answers "incompatible" without reasons (Apicurio does), the messages are
 * worked out locally with {@link CompatibilityChecker} against the subject's registered versions.
 *
 * <pre>{@code
 * RegistryVerdict r = registry.testCompatibility("sensors.alerts-value", Alert.getClassSchema());
 * if (!r.compatible()) r.messages().forEach(System.err::println);
 * }</pre>
 */
public final class RegistryVerdict {
  private final String subject;
  private final CompatibilityLevel level;
  private final boolean compatible;
  private final List<String> messages;

  private RegistryVerdict(String subject, CompatibilityLevel level, boolean compatible, List<String> messages) {
    this.subject = subject;
    this.level = level;
    this.compatible = compatible;
    this.messages = List.copyOf(messages);
  }

  /** A verdict on {@code subject} under {@code level}. */
  public static RegistryVerdict of(String subject, CompatibilityLevel level, boolean compatible, List<String> messages) {
    Objects.requireNonNull(subject, "subject must not be null");
    Objects.requireNonNull(level, "level must not be null");
    return new RegistryVerdict(subject, level, compatible, messages);
  }

  /** The subject that was tested. */
  public String subject() {
    return subject;
  }

  /** The compatibility level the subject is held to. */
  public CompatibilityLevel level() {
    return level;
  }

  /** True when the candidate may be registered. */
  public boolean compatible() {
    return compatible;
  }

  /** Why the candidate is refused (empty when compatible). */
  public List<String> messages() {
    return messages;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegistryVerdict other && subject.equals(other.subject) && level == other.level
        && compatible == other.compatible && messages.equals(other.messages);
  }

  @Override
  public int hashCode() {
    return Objects.hash(subject, level, compatible, messages);
  }

  @Override
  public String toString() {
    String verdict = compatible ? "compatible" : "incompatible";
    String text = subject + " (" + level + "): " + verdict;
    return messages.isEmpty() ? text : text + "\n  - " + String.join("\n  - ", messages);
  }
}
