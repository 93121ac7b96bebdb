package io.baton.flink.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A pipeline's status as a table for people, one stage a line, with the dead letters by reason below it.
 *
 * <pre>{@code
 * sensor-story on http://127.0.0.1:8081/
 * STAGE       STATE    UPTIME  VERSION  IN   OUT  DEAD  LATE  LAG  CHECKPOINT  BACK-PRESSURE
 * readings    RUNNING  4m12s   -        372  364     8     0    0  #122 1s     ok
 * }</pre>
 */
public final class StatusText {
  private static final String ROW = "%-14s %-12s %-8s %-10s %8s %8s %6s %6s %6s %-12s %s%n";

  private StatusText() {}

  public static String render(PipelineStatus status) {
    StringBuilder sb = new StringBuilder(status.pipeline() + " on " + status.flinkUrl() + "\n");
    sb.append(String.format(Locale.ROOT, ROW, "STAGE", "STATE", "UPTIME", "VERSION", "IN", "OUT", "DEAD", "LATE", "LAG",
        "CHECKPOINT", "BACK-PRESSURE"));
    List<String> reasons = new ArrayList<>();
    for (StageStatus s : status.stages()) {
      StageCounts c = s.counts();
      String state = s.state() + ("RUNNING".equals(s.state()) && !s.runningAsDeployed()
          ? " " + s.tasksRunning() + "/" + s.tasksTotal() : "");
      sb.append(String.format(Locale.ROOT, ROW, s.stage(), state, s.uptime().map(StatusText::duration).orElse("-"),
          s.version().orElse("-"), c.in(), c.out(), c.deadLettered(), c.late(),
          s.totalLag().map(String::valueOf).orElse("-"),
          s.lastCheckpoint().map(k -> "#" + k.id() + " " + duration(k.age())).orElse("-"), s.backPressure()));
      if (c.deadLettered() > 0) {
        reasons.add("  " + s.stage() + ": " + c.sortedReasons().entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
      }
    }
    if (!reasons.isEmpty()) {
      sb.append("dead letters by reason:\n").append(String.join("\n", reasons)).append('\n');
    }
    sb.append(status.runningAsDeployed() ? "All " + status.stages().size() + " stages run.\n"
        : "Not running as deployed: " + status.stages().stream().filter(s -> !s.runningAsDeployed())
            .map(s -> s.stage() + " (" + s.state() + ")").collect(Collectors.joining(", ")) + "\n");
    return sb.toString();
  }

  public static String render(List<PipelineSummary> pipelines) {
    if (pipelines.isEmpty()) {
      return "No pipeline has jobs on the cluster.\n";
    }
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-24s %-8s %s%n", "PIPELINE", "RUNNING", "WORST STATE"));
    pipelines.forEach(p -> sb.append(String.format(Locale.ROOT, "%-24s %-8s %s%n", p.pipeline(),
        p.running() + "/" + p.stages(), p.worstState())));
    return sb.toString();
  }

  /** {@code 812ms}, {@code 42s}, {@code 4m12s}, {@code 3h05m}, {@code 2d04h}. */
  static String duration(Duration d) {
    long s = d.toSeconds();
    if (s < 1) {
      return d.toMillis() + "ms";
    }
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    if (s < 86400) {
      return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
    }
    return String.format(Locale.ROOT, "%dd%02dh", s / 86400, s % 86400 / 3600);
  }
}
