package io.baton.k8s;

import java.util.List;
import java.util.Objects;

/**
 * What {@link K8sDeploy} did (or, in a dry run, would do) to each of a pipeline's objects: created, updated,
 * unchanged or deleted, in the order it went through them. An immutable value.
 *
 * <pre>{@code
 * ApplyReport report = K8sDeploy.apply(plan, settings, client);
 * report.count(ApplyReport.Action.UPDATED);   // 1 after a parallelism change
 * System.out.print(report);                   // one line per object, then a summary
 * }</pre>
 */
public final class ApplyReport {
  /** What happened to one object. */
  public enum Action {
    CREATED, UPDATED, UNCHANGED, DELETED;

    String word() {
      return name().toLowerCase();
    }
  }

  /** One object's outcome: its kind, name and action. */
  public record Change(Action action, String kind, String name) {
    public Change {
      Objects.requireNonNull(action);
      Objects.requireNonNull(kind);
      Objects.requireNonNull(name);
    }

    @Override
    public String toString() {
      return String.format("%-10s %-16s %s", action.word(), kind, name);
    }
  }

  private final String namespace;
  private final boolean dryRun;
  private final List<Change> changes;

  ApplyReport(String namespace, boolean dryRun, List<Change> changes) {
    this.namespace = namespace;
    this.dryRun = dryRun;
    this.changes = List.copyOf(changes);
  }

  public String namespace() {
    return namespace;
  }

  /** True if nothing was written: the actions are what an apply would do. */
  public boolean dryRun() {
    return dryRun;
  }

  public List<Change> changes() {
    return changes;
  }

  public long count(Action action) {
    return changes.stream().filter(c -> c.action() == action).count();
  }

  /** True if every object already was as the plan says. */
  public boolean unchanged() {
    return changes.stream().allMatch(c -> c.action() == Action.UNCHANGED);
  }

  /** One line per object, then {@code namespace baton: 2 created, 1 updated, 7 unchanged, 0 deleted}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    changes.forEach(c -> out.append(c).append('\n'));
    out.append(dryRun ? "dry run, nothing written; would be in namespace " : "namespace ").append(namespace).append(": ");
    Action[] actions = Action.values();
    for (int i = 0; i < actions.length; i++) {
      out.append(i == 0 ? "" : ", ").append(count(actions[i])).append(' ').append(actions[i].word());
    }
    return out.append('\n').toString();
  }
}
